import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AiStatus } from '../../api/generations';
import { acceptRuleProposal, latestPerColumn, listRuleProposals, proposeRules, type RuleProposal } from '../../api/ruleAssist';
import { useReportError } from '../../shell/toasts';

interface Props {
  generationId: string;
  documentId: string | null;
  ai: AiStatus | null;
  /** columns the compiler flagged in this generation */
  flagged: number;
}

const STATUS_LABEL: Record<string, string> = {
  ai_proposed: 'AI-proposed',
  rejected: 'rejected on the sample',
  accepted: 'accepted',
};

/**
 * Rule assist: for the columns the compiler flagged, the model proposes an expression that ran on the generation's
 * sample; it stays AI-proposed until a user accepts it, which writes it as the rule of its mapping row (a new spec
 * version) so the next generation compiles it without a model.
 */
export function RuleAssist({ generationId, documentId, ai, flagged }: Props) {
  const [proposals, setProposals] = useState<RuleProposal[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const report = useReportError();

  useEffect(() => {
    listRuleProposals(generationId).then((r) => setProposals(r.proposals ?? []), () => setProposals([]));
  }, [generationId]);

  if (flagged === 0 && proposals.length === 0) return null;

  const propose = async () => {
    setBusy('propose');
    try {
      const answer = await proposeRules(generationId);
      setProposals((p) => [...p, ...(answer.proposals ?? [])]);
    } catch (err) {
      report(err, 'No rules could be proposed');
    } finally {
      setBusy(null);
    }
  };

  const accept = async (p: RuleProposal) => {
    setBusy(p.proposalId);
    try {
      const accepted = await acceptRuleProposal(p.proposalId);
      setProposals((all) => all.map((x) => (x.proposalId === p.proposalId ? { ...x, ...accepted } : x)));
    } catch (err) {
      report(err, 'The rule could not be accepted');
    } finally {
      setBusy(null);
    }
  };

  const shown = latestPerColumn(proposals);
  const noModel = ai !== null && !ai.configured;
  return (
    <section aria-labelledby="rule-assist-title" className="rule-assist" data-testid="rule-assist">
      <h3 id="rule-assist-title">Rule assist</h3>
      {noModel ? (
        <p className="muted">Proposing rules for flagged columns needs a language model; none is configured for your tenant.</p>
      ) : (
        <p className="muted">
          The model proposes an expression for each flagged column; it runs on the generation&apos;s sample before it is shown and
          stays AI-proposed until you accept it as the rule of its mapping row.
        </p>
      )}
      <button type="button" onClick={() => void propose()} disabled={busy !== null || noModel || flagged === 0}>
        {busy === 'propose' ? 'Proposing…' : 'Propose rules'}
      </button>
      {shown.length > 0 && (
        <ul className="plain proposals" data-testid="rule-proposals">
          {shown.map((p) => {
            const row = /^@mapping\[(.*)\]$/.exec(p.mappingRef ?? '')?.[1];
            return (
              <li key={p.proposalId} data-proposal={p.proposalId} data-column={`${p.target}.${p.column}`} data-status={p.status}>
                <strong className="mono">
                  {p.target}.{p.column}
                </strong>{' '}
                <span className={`badge proposal-${p.status}`}>{STATUS_LABEL[p.status] ?? p.status}</span>{' '}
                {row && documentId ? (
                  <Link to={`/documents/${encodeURIComponent(documentId)}?row=${encodeURIComponent(row)}`} className="mono">
                    {p.mappingRef}
                  </Link>
                ) : null}
                {p.expression ? <pre className="sql">{p.expression}</pre> : null}
                {p.sampleValues && p.sampleValues.length > 0 ? (
                  <p className="muted">On the sample: {p.sampleValues.map((v) => (v === null ? 'NULL' : String(v))).join(', ')}</p>
                ) : null}
                {p.reason ? <p className="muted">{p.reason}</p> : null}
                {p.status === 'ai_proposed' ? (
                  <button type="button" onClick={() => void accept(p)} disabled={busy !== null} aria-label={`Accept the rule for ${p.target}.${p.column}`}>
                    {busy === p.proposalId ? 'Accepting…' : 'Accept'}
                  </button>
                ) : null}
                {p.status === 'accepted' ? (
                  <p data-testid="proposal-accepted">
                    Now the rule of {p.mappingRef} in spec version {p.specVersion ?? '?'}: the next generation compiles it without a model
                    {documentId ? (
                      <>
                        {' '}
                        (<Link to={`/documents/${encodeURIComponent(documentId)}`}>generate again</Link>)
                      </>
                    ) : null}
                    .
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
