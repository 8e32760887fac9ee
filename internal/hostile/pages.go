package hostile

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
)

// RowPage returns the number (from 1) of the page of the SQLite file at
// path that holds the row of table whose rowid is rowid, found by walking
// the table's b-tree as SQLite lays it out on disk: a test can then damage
// the page of one row and no other (see DamagePage). The file must have
// nothing pending in a -wal or journal beside it.
func RowPage(path, table string, rowid int64) (int, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return 0, err
	}
	var root int
	err = db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&root)
	db.Close()
	if err != nil {
		return 0, fmt.Errorf("the root page of %s: %w", table, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	size, err := pageSize(b)
	if err != nil {
		return 0, err
	}
	page := root
	for range 64 { // deeper than any b-tree a file of this size holds
		off := (page - 1) * size
		hdr := off
		if page == 1 {
			hdr += 100 // the file's header comes first
		}
		if page < 1 || off+size > len(b) {
			return 0, fmt.Errorf("page %d is beyond the file", page)
		}
		switch b[hdr] {
		case 0x0D: // a leaf of a table
			return page, nil
		case 0x05: // an interior page of a table: cells of a left child and the largest rowid under it
			next := int(binary.BigEndian.Uint32(b[hdr+8:])) // the right-most child
			cells := int(binary.BigEndian.Uint16(b[hdr+3:]))
			for i := range cells {
				cell := off + int(binary.BigEndian.Uint16(b[hdr+12+2*i:]))
				if key := varint(b[cell+4:]); rowid <= key {
					next = int(binary.BigEndian.Uint32(b[cell:]))
					break
				}
			}
			page = next
		default:
			return 0, fmt.Errorf("page %d of %s is no table page (type 0x%02X)", page, table, b[hdr])
		}
	}
	return 0, errors.New("the b-tree is too deep")
}

// DamagePage writes random bytes over the whole of page n (from 2: page 1
// holds the schema) of the SQLite file at path, as a failing disk or a
// program writing at the wrong offset could: SQLite reports the file
// damaged when it reads that page, and only then.
func DamagePage(path string, n int) error {
	if n < 2 {
		return fmt.Errorf("page %d: damage page 2 or later", n)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	size, err := pageSize(b)
	if err != nil {
		return err
	}
	if n*size > len(b) {
		return fmt.Errorf("page %d is beyond the file", n)
	}
	r := rand.New(rand.NewPCG(uint64(n), 24))
	for i := (n - 1) * size; i < n*size; i++ {
		b[i] = byte(r.Uint32())
	}
	return os.WriteFile(path, b, 0o644)
}

// pageSize reads the page size from the header of an SQLite file.
func pageSize(b []byte) (int, error) {
	if len(b) < 100 {
		return 0, errors.New("no SQLite header")
	}
	size := int(binary.BigEndian.Uint16(b[16:18]))
	if size == 1 {
		size = 65536
	}
	if size < 512 || size&(size-1) != 0 {
		return 0, fmt.Errorf("page size %d", size)
	}
	return size, nil
}

// varint reads one of SQLite's variable-length integers: seven bits a byte,
// most significant first, the ninth byte whole.
func varint(b []byte) int64 {
	var v int64
	for i := 0; i < 9 && i < len(b); i++ {
		if i == 8 {
			return v<<8 | int64(b[i])
		}
		v = v<<7 | int64(b[i]&0x7f)
		if b[i]&0x80 == 0 {
			break
		}
	}
	return v
}
