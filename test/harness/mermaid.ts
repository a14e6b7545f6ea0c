import mermaid from 'mermaid';

/** One task as Mermaid's own Gantt database holds it after parsing and compiling the chart. */
export interface MermaidGanttTask {
  readonly section: string;
  /** The label as Mermaid will draw it: its `#<code>;` entities decoded. */
  readonly text: string;
  readonly id: string;
  /** Chart times, in the chart's date format's milliseconds. */
  readonly start: number;
  readonly end: number;
  readonly tags: readonly ('active' | 'done' | 'crit' | 'milestone')[];
}

export interface MermaidGantt {
  readonly title: string;
  readonly dateFormat: string;
  readonly axisFormat: string;
  readonly tasks: readonly MermaidGanttTask[];
}

interface GanttDb {
  getDiagramTitle(): string;
  getDateFormat(): string;
  getAxisFormat(): string;
  getTasks(): readonly RawTask[];
}

interface RawTask {
  readonly section: string;
  readonly task: string;
  readonly id: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly active?: boolean;
  readonly done?: boolean;
  readonly crit?: boolean;
  readonly milestone?: boolean;
}

/**
 * Parses a Gantt chart with Mermaid's own parser (the `mermaid` package, no DOM needed for
 * parsing) and compiles its tasks as the renderer would, so a test sees what Mermaid will draw:
 * a syntax error throws, a task whose dates Mermaid cannot read shows up as a wrong time.
 * One limit: Mermaid sanitizes `title` and `accTitle` text with DOMPurify, which needs a DOM, so
 * a chart with a title throws here (`DOMPurify.addHook is not a function`); ganttCharts uses none.
 */
export async function parseMermaidGantt(source: string): Promise<MermaidGantt> {
  // parse() registers the diagram types and throws Mermaid's own message on a syntax error.
  const parsed = await mermaid.parse(source);
  if (parsed.diagramType !== 'gantt') {
    throw new Error(`not a Mermaid gantt chart: ${JSON.stringify(parsed)}`);
  }
  // mermaidAPI is deprecated for rendering; it is still the one way to Mermaid's compiled tasks.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db as unknown as GanttDb;
  return {
    title: decodeEntities(db.getDiagramTitle()),
    dateFormat: db.getDateFormat().trim(),
    axisFormat: db.getAxisFormat().trim(),
    tasks: db.getTasks().map((task) => ({
      section: decodeEntities(task.section),
      text: decodeEntities(task.task).trim(),
      id: task.id,
      start: task.startTime.getTime(),
      end: task.endTime.getTime(),
      tags: (['active', 'done', 'crit', 'milestone'] as const).filter((tag) => task[tag] === true),
    })),
  };
}

/** What the browser shows for the placeholders Mermaid's encodeEntities left in the text. */
function decodeEntities(text: string): string {
  return text
    .replace(/\ufb02\u00b0\u00b0(\d+)\u00b6\u00df/g, (_, code: string) =>
      String.fromCodePoint(Number(code)),
    )
    .replace(/\ufb02\u00b0(\w+)\u00b6\u00df/g, (_, name: string) => `&${name};`);
}
