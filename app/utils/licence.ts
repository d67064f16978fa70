/** The licence of the catalogue's content (practices, lessons) and of its open-data exports. */
export const CONTENT_LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;
