// `npm run test:e2e`: the end-to-end checks in a real VS Code (code-server),
// written in TypeScript and run through tsx.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main();
