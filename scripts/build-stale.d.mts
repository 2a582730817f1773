// Types of scripts/build-stale.mjs (plain JavaScript, run by `npm start` before any loader).
export interface BuildPart {
  name: string;
  title: string;
  entry: string;
  sources: string[];
  skip: string[];
  outputs: string[];
  /** The commands that build the part, in order, or null when its tool is not installed. */
  command(): Array<[string, string[]]> | null;
  missingTool: string;
}
export type BuildResult = 'fresh' | 'built' | 'failed' | 'no-tool' | 'absent' | 'elsewhere';
export function parts(root?: string): BuildPart[];
export function staleness(part: BuildPart, root?: string): 'missing' | 'stale' | null;
export function buildStale(options?: {
  root?: string;
  all?: boolean;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}): Record<string, BuildResult>;
