// How many rows a page holds: lists of the tenant graph and of the platform alike.
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
