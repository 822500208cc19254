package main
import (
 _ "github.com/mmcdole/gofeed"
 _ "github.com/gorilla/feeds"
 _ "github.com/robfig/cron/v3"
 _ "modernc.org/sqlite"
 _ "go.yaml.in/yaml/v3"
 _ "github.com/microcosm-cc/bluemonday"
 _ "golang.org/x/net/html/charset"
 _ "golang.org/x/text/unicode/norm"
 _ "golang.org/x/time/rate"
 _ "codeberg.org/readeck/go-readability/v2"
)
func main(){}
