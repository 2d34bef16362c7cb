/** One measured figure, with its budget when the issue names one. */
export interface Metric {
  readonly label: string;
  readonly value: string;
  readonly budget?: string;
  readonly ok?: boolean;
}

export interface BenchResult {
  readonly name: string;
  readonly metrics: readonly Metric[];
}
