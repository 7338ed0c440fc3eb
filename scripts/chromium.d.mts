// Types of chromium.mjs, for the TypeScript configs that import it (vitest.config.ts).
/** Flags Chromium needs here: root (no sandbox), headless, no network of its own. */
export declare const CHROMIUM_ARGS: string[];
/** The path of a Chromium or Chrome executable (installs Debian's chromium when running as root on Debian). */
export declare function chromiumPath(): string;
