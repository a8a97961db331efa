package tts

import (
	"fmt"
	"sync"
)

// Factory builds a Speaker for a voice.
type Factory func(opts VoiceOptions) (Speaker, error)

var (
	mu        sync.RWMutex
	factories = map[string]Factory{}
)

// Register makes factory available under name.
func Register(name string, factory Factory) {
	mu.Lock()
	defer mu.Unlock()
	factories[name] = factory
}

// New builds the Speaker registered under name.
func New(name string, opts VoiceOptions) (Speaker, error) {
	mu.RLock()
	factory, ok := factories[name]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("tts: no provider registered as %q", name)
	}
	return factory(opts)
}
