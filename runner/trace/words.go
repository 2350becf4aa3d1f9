package trace

// The words a reader sees, by language. They are kept here, in one
// place, until the course has one message catalogue.
var catalogue = map[string]map[string]string{
	"zh": {
		"sep":        "：",
		"goroutines": "goroutine",
		"most":       "同时运行最多",
		"procs":      "用到的 P",
		"gomaxprocs": "GOMAXPROCS",
		"chan":       "阻塞在通道上",
		"sync":       "阻塞在锁上",
		"incomplete": "（跟踪不完整：程序没有正常结束）",
		"running":    "运行中",
		"runnable":   "可运行，等待 P",
		"syscall":    "系统调用",
		"blocked":    "阻塞",
		"sleep":      "睡眠",
		"atonce":     "同时运行",
		"on":         "在",
		"lanes":      "goroutine 随时间的状态",
		"hidden":     "另有 %d 个 goroutine 未画出",
		"process":    "# 进程 %d",
	},
	"en": {
		"sep":        ": ",
		"goroutines": "goroutines",
		"most":       "most running at once",
		"procs":      "Ps used",
		"gomaxprocs": "GOMAXPROCS",
		"chan":       "blocked on channels",
		"sync":       "blocked on locks",
		"incomplete": "(trace incomplete: the program did not end normally)",
		"running":    "running",
		"runnable":   "runnable, waiting for a P",
		"syscall":    "system call",
		"blocked":    "blocked",
		"sleep":      "sleeping",
		"atonce":     "running at once",
		"on":         "on",
		"lanes":      "goroutines over time",
		"hidden":     "%d more goroutines not drawn",
		"process":    "# process %d",
	},
}

// words is the catalogue of lang, Chinese when lang is unknown.
func words(lang string) map[string]string {
	if w, ok := catalogue[lang]; ok {
		return w
	}
	return catalogue["zh"]
}
