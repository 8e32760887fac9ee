package timeline

import (
	"slices"
	"testing"
)

func TestLayoutLanes_StacksBands(t *testing.T) {
	tests := []struct {
		name       string
		rows       []int
		collapsed  []bool
		want       []LaneBox
		wantHeight float64
	}{
		{"none", nil, nil, []LaneBox{}, 0},
		{"open and collapsed", []int{2, 0, 1}, []bool{false, false, true},
			[]LaneBox{{40, 75, 2, false}, {115, 25, 0, false}, {140, 20, 1, true}}, 120},
		{"collapsed missing counts as open", []int{1, 3}, []bool{true},
			[]LaneBox{{40, 20, 1, true}, {60, 100, 3, false}}, 120},
		{"negative rows count as none", []int{-2}, nil,
			[]LaneBox{{40, 25, 0, false}}, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := make([]LaneBox, len(tt.rows))
			// top 40, header 20, rows 25 high, padding 5
			h := LayoutLanes(tt.rows, tt.collapsed, 40, 20, 25, 5, dst)
			if !slices.Equal(dst, tt.want) || h != tt.wantHeight {
				t.Errorf("LayoutLanes = %v, height %v; want %v, %v", dst, h, tt.want, tt.wantHeight)
			}
		})
	}
}
