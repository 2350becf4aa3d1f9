package render

import (
	"bytes"
	"cmp"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"bingfa/web/assets"
)

// AssetFiles returns every file of a site's assets directory, by name:
// the files of package assets, the code stylesheet (CSSName) and, when
// search is not nil, the search index (SearchName). An exporter writes
// them; a server serves them with AssetHandler.
func (r *Renderer) AssetFiles(search *SearchIndex) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, name := range assets.Names() {
		b, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	var css bytes.Buffer
	if err := r.WriteCSS(&css); err != nil {
		return nil, err
	}
	files[CSSName] = css.Bytes()
	if search != nil {
		var js bytes.Buffer
		if err := search.WriteJS(&js); err != nil {
			return nil, err
		}
		files[SearchName] = js.Bytes()
	}
	return files, nil
}

// AssetHandler serves files (as AssetFiles returns them) by the last
// element of the request path, so that it can be mounted at any prefix
// with http.StripPrefix or as is.
func AssetHandler(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		name := path.Base(req.URL.Path)
		b, ok := files[name]
		if !ok || strings.Contains(name, "/") {
			http.NotFound(w, req)
			return
		}
		w.Header().Set("Content-Type", cmp.Or(mime.TypeByExtension(path.Ext(name)), "application/octet-stream"))
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(b)
	})
}
