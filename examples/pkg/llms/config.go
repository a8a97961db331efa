package llms

import (
	"errors"
	"time"
)

// Config configures a Client and the provider behind it.
type Config struct {
	Provider   string        `json:"provider" validate:"required"`
	Model      string        `json:"model" validate:"required"`
	APIKey     string        `json:"api_key"`
	BaseURL    string        `json:"base_url"`
	Timeout    time.Duration `json:"timeout" default:"30s"`
	MaxRetries int           `json:"max_retries" default:"2"`
}

// DefaultConfig returns a configuration with the default timeout and retries.
func DefaultConfig() Config {
	return Config{Timeout: 30 * time.Second, MaxRetries: 2}
}

// Validate reports the first missing required field.
func (c Config) Validate() error {
	switch {
	case c.Provider == "":
		return NewError("Validate", ErrCodeInvalidConfig, errors.New("provider is required"))
	case c.Model == "":
		return NewError("Validate", ErrCodeInvalidConfig, errors.New("model is required"))
	}
	return nil
}
