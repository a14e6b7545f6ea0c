/** What a part of the change-router bench concludes, for the summary at the end. */
export interface PartResult {
  readonly verdict: string;
  readonly failed: boolean;
}
