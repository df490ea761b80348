// One word for people, one for the code, and this is where they meet. People read "solution"
// (the recipe's word: a model's or a dataset's worked answer to a problem) on every page, table,
// link and count. The database table, the code and the address of one solution say "sample",
// because the row is one sample drawn from a model; /samples/<id> stays as it is, since people
// have saved and shared those links. Every link to one solution is built here. Pure.

/** The page of one solution. */
export const solutionHref = (id: number | bigint) => `/samples/${id}`;

/** The whole text of one solution, as a download (pages show only its beginning). */
export const solutionTextHref = (id: number | bigint) => `/api/samples/${id}/text`;
