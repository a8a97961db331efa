package voice

// Config configures a Session.
type Config struct {
	SampleRate int    `json:"sample_rate" default:"16000"`
	Language   string `json:"language" default:"en-US"`
}
