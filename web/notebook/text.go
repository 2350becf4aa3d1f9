package notebook

// The text a reader sees in an exported notebook, by key: one catalogue
// per course language. Chinese, the course's language, is the default.
var catalogue = map[string]map[string]string{
	"zh": {
		"expected":    "期望输出",
		"expectedOf":  "期望输出（%s 流）",
		"pass":        "✅ 实际输出符合期望输出。",
		"fail":        "❌ 检查没有通过：",
		"skip":        "这段代码只展示，不编译也不运行。",
		"python":      "这是一段 Python 程序：bingfa 用 python3 运行并检查它，Go 笔记本不运行它。",
		"norun":       "这段程序只编译，不运行。",
		"notRun":      "导出时没有运行这段程序。",
		"exercise":    "**练习**：修改上面的程序，使它的输出符合期望输出。参考答案在 `%s`。",
		"exerciseNoF": "**练习**：修改上面的程序，使它的输出符合期望输出。",
		"runFailed":   "程序没有正常结束",
	},
	"en": {
		"expected":    "Expected output",
		"expectedOf":  "Expected output (%s stream)",
		"pass":        "✅ The output matches the expected output.",
		"fail":        "❌ The check failed:",
		"skip":        "This code is shown only, neither built nor run.",
		"python":      "This is a Python program: bingfa runs and checks it with python3; a Go notebook does not run it.",
		"norun":       "This program is built, not run.",
		"notRun":      "This program was not run when the notebook was exported.",
		"exercise":    "**Exercise**: change the program above until its output matches the expected output. An answer is in `%s`.",
		"exerciseNoF": "**Exercise**: change the program above until its output matches the expected output.",
		"runFailed":   "the program did not end normally",
	},
}

// messages returns the catalogue of lang, Chinese when there is none.
func messages(lang string) map[string]string {
	if m, ok := catalogue[lang]; ok {
		return m
	}
	return catalogue["zh"]
}
