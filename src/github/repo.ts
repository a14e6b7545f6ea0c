/** A repository as the REST API names it in paths. */
export interface Repo {
  readonly owner: string;
  readonly repo: string;
}
