// The language server's entry, bundled to dist/server.js: started by the
// client with --stdio or over IPC (createConnection reads the transport from
// the command line). Everything else lives in lsp/.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { GocomplyServer } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);

// A bug in one handler must not take the server down with the editor's diagnostics.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`gocomply: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
process.on('uncaughtException', (error) => {
  connection.console.error(`gocomply: uncaught exception: ${error.stack ?? error.message}`);
});

new GocomplyServer(connection).listen();
