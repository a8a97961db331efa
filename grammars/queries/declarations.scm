; Top-level declarations of a Go file.
; Run with maxStartDepth 1 on the source_file node: patterns start only at the
; file's direct children, so the cursor never walks into function bodies.

(package_clause (package_identifier) @package.name) @package

(import_declaration (import_spec) @import)
(import_declaration (import_spec_list (import_spec) @import))

(const_declaration (const_spec) @const)

(var_declaration (var_spec) @var)
(var_declaration (var_spec_list (var_spec) @var))

(type_declaration (type_spec) @type) @type.declaration
(type_declaration (type_alias) @type) @type.declaration

(function_declaration
  name: (identifier) @function.name
  parameters: (parameter_list) @function.parameters
  result: (_)? @function.result
  body: (block)? @function.body) @function
(method_declaration
  receiver: (parameter_list) @function.receiver
  name: (field_identifier) @function.name
  parameters: (parameter_list) @function.parameters
  result: (_)? @function.result
  body: (block)? @function.body) @function
