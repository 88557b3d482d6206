import { transform } from 'sucrase';
import type { ComponentType } from 'react';

/**
 * Turns a component's source (JSX or TSX, `export default function Viz({ data, params })`) into a function
 * component. Runs only inside the chart sandbox (and in tests): the code may import 'react' and nothing else.
 */
export function compileComponent<P>(source: string, react: unknown): ComponentType<P> {
  const compiled = transform(source, {
    transforms: ['jsx', 'typescript', 'imports'],
    jsxRuntime: 'classic',
    production: true,
  }).code;
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const require = (name: string): unknown => {
    if (name === 'react') return react;
    throw new Error(`The component imports '${name}'; a chart may import only 'react'.`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('React', 'require', 'module', 'exports', compiled)(react, require, module, module.exports);
  const component = module.exports.default;
  if (typeof component !== 'function') {
    throw new Error('The component has no default export: write export default function Viz({ data, params }) { ... }');
  }
  return component as ComponentType<P>;
}
