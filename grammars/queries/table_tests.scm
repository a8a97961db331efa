; Table-driven tests: a slice (or map) of struct cases ranged over with t.Run.
; Run only on files whose text mentions both `range` and `.Run(`.

(for_statement
  (range_clause right: (_) @range.subject)
  body: (block) @range.body)

(composite_literal type: (slice_type element: (_) @cases.element)) @cases
(composite_literal type: (map_type value: (_) @cases.element)) @cases

(short_var_declaration
  left: (expression_list . (identifier) @binding.name .)
  right: (expression_list . (composite_literal) @binding.value .))
(var_spec
  name: (identifier) @binding.name
  value: (expression_list . (composite_literal) @binding.value .))

(type_spec name: (type_identifier) @struct.name type: (struct_type))
