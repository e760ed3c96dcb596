// Generated at build time by vite.config.ts from Debian iso-codes.
declare module 'virtual:iso3166' {
  export const numericToAlpha3: Record<string, string>;
  export const countryNames: Record<string, string>;
}
