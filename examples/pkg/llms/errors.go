package llms

import (
	"errors"
	"fmt"
)

// Error codes.
const (
	ErrCodeInvalidConfig   = "invalid_config"
	ErrCodeUnknownProvider = "unknown_provider"
	ErrCodeProvider        = "provider_error"
	ErrCodeRateLimited     = "rate_limited"
)

// Error is an llms error with the failed operation and a stable code.
type Error struct {
	Op   string
	Code string
	Err  error
}

// NewError returns an Error for op.
func NewError(op, code string, err error) *Error {
	return &Error{Op: op, Code: code, Err: err}
}

func (e *Error) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("llms %s: %s", e.Op, e.Code)
	}
	return fmt.Sprintf("llms %s: %s: %v", e.Op, e.Code, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error {
	return e.Err
}

// IsRetryable reports whether err is worth retrying.
func IsRetryable(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == ErrCodeRateLimited
}
