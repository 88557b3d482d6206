import { useRef, useState, type DragEvent } from 'react';

const ACCEPT = '.xlsx,.xlsm,.xls,.csv,.tsv';

/** Drop files here, or press the button (keyboard) to choose them. */
export function DropZone({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) {
      onFiles(files);
    }
  };

  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>{busy ? `Uploading ${busy}…` : 'Drop a mapping document here (.xlsx, .xls, .csv)'}</p>
      <input
        ref={input}
        id="upload-input"
        type="file"
        accept={ACCEPT}
        hidden
        multiple
        data-testid="upload-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) {
            onFiles(files);
          }
        }}
      />
      <button type="button" onClick={() => input.current?.click()} disabled={busy !== null}>
        Choose a file…
      </button>
    </div>
  );
}
