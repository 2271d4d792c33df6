import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What the first page may weigh, gzipped: its entry, the entry's static imports, their CSS and the home route's chunk. */
export const FIRST_PAGE_BUDGET = 350 * 1024;

interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  facade: string | null;
  imports: string[];
  css: string[];
  gzip: number;
  raw: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Prints every emitted file's raw and gzipped size, then the first page's total
 * (the entry closure plus the chunk of `homeModule`), and fails the build above the budget.
 */
export function sizeReport(homeModule: string): Plugin {
  return {
    name: 'jiebang-size-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const sizes = new Map<string, ChunkInfo>();
      for (const output of Object.values(bundle)) {
        const source = output.type === 'chunk' ? output.code : output.source;
        const raw = typeof source === 'string' ? Buffer.byteLength(source) : source.byteLength;
        sizes.set(output.fileName, {
          fileName: output.fileName,
          isEntry: output.type === 'chunk' && output.isEntry,
          facade: output.type === 'chunk' ? output.facadeModuleId : null,
          imports: output.type === 'chunk' ? output.imports : [],
          css: output.type === 'chunk' ? [...(output.viteMetadata?.importedCss ?? [])] : [],
          gzip: gzipSync(source).byteLength,
          raw,
        });
      }
      const closure = (start: ChunkInfo[]): Set<string> => {
        const seen = new Set<string>();
        const visit = (name: string) => {
          const info = sizes.get(name);
          if (!info || seen.has(name)) return;
          seen.add(name);
          info.css.forEach(visit);
          info.imports.forEach(visit);
        };
        start.forEach((info) => visit(info.fileName));
        return seen;
      };
      const entries = [...sizes.values()].filter((info) => info.isEntry);
      const home = [...sizes.values()].filter((info) => info.facade?.endsWith(homeModule));
      const firstPage = closure([...entries, ...home]);
      const total = (names: Iterable<string>) => [...names].reduce((sum, name) => sum + (sizes.get(name)?.gzip ?? 0), 0);

      const rows = [...sizes.values()].filter((info) => !info.fileName.endsWith('.map')).sort((a, b) => b.gzip - a.gzip);
      const width = Math.max(...rows.map((row) => row.fileName.length));
      const lines = rows.map(
        (row) => `  ${firstPage.has(row.fileName) ? '*' : ' '} ${row.fileName.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(9)} gzip`,
      );
      const firstTotal = total(firstPage);
      console.log(
        [
          '',
          'web client size (* = loaded by the first page)',
          ...lines,
          `  all files: ${kb(total(sizes.keys()))} gzip`,
          `  first page (entry + ${homeModule}): ${kb(firstTotal)} gzip, budget ${kb(FIRST_PAGE_BUDGET)}`,
          '',
        ].join('\n'),
      );
      if (firstTotal > FIRST_PAGE_BUDGET) this.error(`the first page weighs ${kb(firstTotal)} gzipped, over the ${kb(FIRST_PAGE_BUDGET)} budget`);
    },
  };
}
