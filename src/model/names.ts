// How the generated graph names things: order and group values in CONSTANT_CASE
// (`createdAt` -> `CREATED_AT`), as PostGraphile and Hasura clients expect.

export const constantCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** `name` with a new first letter: `Product` -> `product`. */
export const lowerFirst = (name: string) => name[0].toLowerCase() + name.slice(1);
export const upperFirst = (name: string) => name[0].toUpperCase() + name.slice(1);
