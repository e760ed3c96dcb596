// Build config. The output folder is chosen by the caller (web/CMakeLists.txt
// passes --outDir <build dir>/web, which `dyad serve` serves); everything the
// page needs is bundled, so nothing is fetched from the internet at run time.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

// world-atlas identifies countries by ISO 3166-1 numeric code, the API by
// alpha-3. The table comes from Debian's iso-codes (installed by
// tools/install-deps.sh) at build time instead of a copy kept in the repo.
const ISO_JSON = process.env.DYAD_ISO3166_JSON ?? '/usr/share/iso-codes/json/iso_3166-1.json';
function iso3166(): Plugin {
  const id = 'virtual:iso3166';
  return {
    name: 'dyad-iso3166',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(resolved) {
      if (resolved !== '\0' + id) return null;
      let rows: { alpha_3: string; numeric: string; name: string }[];
      try {
        rows = JSON.parse(readFileSync(ISO_JSON, 'utf8'))['3166-1'];
      } catch (e) {
        throw new Error(`${ISO_JSON}: cannot read ISO 3166-1 table (${String(e)}); ` +
          'install Debian iso-codes (bash tools/install-deps.sh) or set DYAD_ISO3166_JSON');
      }
      const numeric: Record<string, string> = {};
      const names: Record<string, string> = {};
      for (const r of rows) {
        numeric[r.numeric] = r.alpha_3;
        names[r.alpha_3] = r.name;
      }
      return `export const numericToAlpha3 = ${JSON.stringify(numeric)};\n` +
        `export const countryNames = ${JSON.stringify(names)};\n`;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [iso3166()],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  // `npm run dev`: the API comes from a running `dyad serve` (DYAD_API, default :8080).
  server: { proxy: { '/v1': process.env.DYAD_API ?? 'http://127.0.0.1:8080' } },
});
