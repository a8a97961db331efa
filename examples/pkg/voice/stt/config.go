package stt

// Config configures a Transcriber.
type Config struct {
	Provider string `json:"provider" validate:"required"`
	APIKey   string `json:"api_key"`
	Language string `json:"language" default:"en-US"`
}
