; Run on the body of a function that starts a span, to judge what happens to
; the span variable.

(return_statement) @return
(return_statement (expression_list (_) @return.last .)) @return

; Places where a span variable is handed on to someone else.
(return_statement (expression_list (identifier) @handoff))
(argument_list (identifier) @handoff)
(literal_value (literal_element (identifier) @handoff))
(keyed_element value: (literal_element (identifier) @handoff))
(assignment_statement
  left: (expression_list (selector_expression))
  right: (expression_list (identifier) @handoff))

(func_literal) @closure
