package store

// TopicCount is how many stored items carry one topic.
type TopicCount struct {
	Total int   // every stored item carrying it
	Since []int // per time asked for, in that order: items first seen at or after it
}
