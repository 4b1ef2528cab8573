/**
 * A problem with the user's data, phrased for them: which file, which column, what was expected and
 * what was found. Crosses the worker boundary as a plain object, so keep it data only.
 */
export interface DatasetProblem {
  file: string;
  message: string;
  column?: string;
  expected?: string;
  found?: string;
}

export class DatasetError extends Error {
  readonly problem: DatasetProblem;
  constructor(problem: DatasetProblem) {
    super(describeProblem(problem));
    this.name = 'DatasetError';
    this.problem = problem;
  }
}

export function describeProblem(p: DatasetProblem): string {
  const column = p.column ? `column "${p.column}" ` : '';
  const detail = [p.expected && `expected ${p.expected}`, p.found && `found ${p.found}`]
    .filter(Boolean)
    .join(', ');
  return `${p.file}: ${column}${p.message}${detail ? ` (${detail})` : ''}`;
}
