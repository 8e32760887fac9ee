package locale

import "testing"

func TestNeutral(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, true},
		{"C.utf8 in LC_ALL", map[string]string{"LC_ALL": "C.utf8", "LANG": "de_DE.UTF-8"}, true},
		{"POSIX with encoding", map[string]string{"LC_MESSAGES": "POSIX.UTF-8"}, true},
		{"plain C is read correctly already", map[string]string{"LANG": "C"}, false},
		{"plain POSIX", map[string]string{"LC_ALL": "POSIX"}, false},
		{"a real language", map[string]string{"LANG": "fr_FR.UTF-8"}, false},
		{"LC_ALL wins over a C LANG", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "C.UTF-8"}, false},
		{"LANGUAGE set by the user", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de"}, false},
		{"nothing set", map[string]string{}, false},
		{"a language starting with C", map[string]string{"LANG": "ca_ES.UTF-8"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Neutral(func(k string) string { return tt.env[k] })
			if got != tt.want {
				t.Errorf("Neutral(%v) = %v, want %v", tt.env, got, tt.want)
			}
		})
	}
}
