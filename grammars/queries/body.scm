; Everything the extractor needs from expressions and statements, in one pass
; over the whole tree (the walk costs far more than the number of patterns).

; Calls: `f(x)`, `a.b.C(x)`, `pkg.G[T](x)`, `F[int, string](x)`. The call node
; itself is not captured: it spans from its function to its argument list.
(call_expression
  function: (_) @call.function
  arguments: (argument_list) @call.arguments)

; `F[T](x)` and `pkg.F[T](x)` parse as a conversion to a generic type: the
; grammar cannot tell an instantiated generic call from it.
(type_conversion_expression
  type: (generic_type type: (_) @call.function)
  operand: (_) @call.argument) @call.conversion

(go_statement) @go
