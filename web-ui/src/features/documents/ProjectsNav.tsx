import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { projectNameProblem } from '../../api/documents';

/**
 * The tenant's projects as links (`/documents?project=…`), "All documents", and a project opened by name: a new one
 * holds nothing until a mapping is uploaded into it.
 */
export function ProjectsNav({ projects, current }: { projects: string[]; current: string | null }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const shown = current && !projects.includes(current) ? [...projects, current] : projects;
  return (
    <div className="projects row wrap">
      <nav aria-label="Projects">
        <ul>
          <li>
            <Link to="/documents" aria-current={current === null ? 'page' : undefined} className={current === null ? 'active' : ''}>
              All documents
            </Link>
          </li>
          {shown.map((p) => (
            <li key={p}>
              <Link to={`/documents?project=${encodeURIComponent(p)}`} title={p} aria-current={current === p ? 'page' : undefined} className={current === p ? 'active' : ''}>
                {p}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const why = projectNameProblem(name);
          setProblem(why);
          if (why === null) {
            navigate(`/documents?project=${encodeURIComponent(name.trim())}`);
            setName('');
          }
        }}
      >
        <label>
          Project <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} aria-invalid={problem !== null} aria-describedby={problem ? 'project-problem' : undefined} />
        </label>
        <button type="submit" className="secondary">
          Open project
        </button>
        {problem && (
          <span id="project-problem" role="alert" className="error-text">
            {problem}
          </span>
        )}
      </form>
    </div>
  );
}
