// The operator's internal papers from the command line: the list, and one paper as DOCX or PDF to a file.
// Through the running server when it holds the store, else directly (as the other commands).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { PaperInfo } from '../../modules/papers/papers.service.js';
import { callServer, fail, fetchFromServer, withAccess } from '../local-access.js';

interface MakeOptions {
  format: string;
  lang: string;
  out?: string;
}

function printPapers(papers: PaperInfo[]): void {
  for (const p of papers) {
    console.log(`${p.id} — ${p.title.ru}`);
    console.log(`  форматы / formats: ${p.formats.join(', ')}; языки / languages: ${p.langs.join(', ')}`);
    if (p.replacedTemplates.length > 0) {
      console.log(`  свой шаблон оператора / operator's own template: ${p.replacedTemplates.join(', ')}`);
    }
  }
}

export function registerPaperCommands(program: Command): void {
  const papers = program
    .command('papers')
    .description('Внутренние документы оператора (приказ, положение, перечни) / internal papers');

  papers
    .command('list')
    .description('Какие документы можно сделать / the papers')
    .action(async () => {
      try {
        const list = await withAccess(
          async (access) => (await callServer<{ papers: PaperInfo[] }>(access, 'GET', '/api/papers')).papers,
          async (amanat) => amanat.papers.list(),
        );
        printPapers(list);
      } catch (error) {
        fail(error);
      }
    });

  papers
    .command('make <paper>')
    .description('Документ из реестра в файл (DOCX для Word или PDF) / one paper to a file')
    .option('--format <format>', 'docx | pdf', 'docx')
    .option('--lang <lang>', 'ru | kk', 'ru')
    .option('--out <file>', 'куда сохранить (по умолчанию <paper>.<lang>.<format>)')
    .action(async (paper: string, options: MakeOptions) => {
      try {
        const query = new URLSearchParams({ format: options.format, lang: options.lang });
        const bytes = await withAccess(
          (access) => fetchFromServer(access, `/api/papers/${encodeURIComponent(paper)}?${query}`),
          async (amanat) => (await amanat.papers.make(paper, options.format, options.lang)).bytes,
        );
        const out = options.out ?? `${paper}.${options.lang}.${options.format}`;
        writeFileSync(out, bytes);
        console.log(`Документ сохранён / Paper saved: ${out} (${bytes.length} байт)`);
      } catch (error) {
        fail(error);
      }
    });
}
