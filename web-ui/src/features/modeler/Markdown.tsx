import { Fragment } from 'react';
import { parseInline, parseMarkdown } from './markdown';

function InlineText({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((part, i) =>
        part.kind === 'strong' ? <strong key={i}>{part.text}</strong> : part.kind === 'code' ? <code key={i}>{part.text}</code> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}

/** A message's Markdown as React elements (see markdown.ts: no HTML from the text is ever rendered). */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      {parseMarkdown(text).map((block, i) => {
        switch (block.kind) {
          case 'heading':
            // inside the drawer (h2) the message's own headings start one level lower
            return block.level <= 2 ? (
              <h3 key={i}>
                <InlineText text={block.text} />
              </h3>
            ) : (
              <h4 key={i}>
                <InlineText text={block.text} />
              </h4>
            );
          case 'list': {
            const items = block.items.map((item, j) => (
              <li key={j}>
                <InlineText text={item} />
              </li>
            ));
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'code':
            return (
              <pre key={i} className="sql" data-language={block.language || undefined}>
                {block.text}
              </pre>
            );
          case 'table':
            return (
              <pre key={i} className="md-table">
                {block.text}
              </pre>
            );
          default:
            return (
              <p key={i}>
                <InlineText text={block.text} />
              </p>
            );
        }
      })}
    </div>
  );
}
