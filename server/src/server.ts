// placeholder until the LSP issue
