/* test_negation.c — risk words in real-looking call notes, negated and not, with the built-in
 * negation cues (escalation.negations and friends in data/huifang.conf). */
#include "test_rules.h"

/* want: the risk the note raises (as reported), or NULL when the note raises none. */
static const struct {
	const char *note, *want;
} notes[] = {
	/* Negated: no escalation. */
	{ "无发烧，无感染，伤口恢复良好", NULL },
	{ "没有出血，肿胀在慢慢消退", NULL },
	{ "术后第三天，无发热，饮食正常", NULL },
	{ "客户否认发热、胸闷，精神状态好", NULL },
	{ "否认发热、胸闷、呼吸困难", NULL },
	{ "未见明显渗血，敷料干燥", NULL },
	{ "没有明显发烧，只是有点累", NULL },
	{ "伤口没有感染，按时换药", NULL },
	{ "已经不发烧了，体温正常", NULL },
	{ "没再出血，结痂了", NULL },
	{ "眼睛不肿了，也没有视力模糊", NULL },
	{ "并无感染迹象", NULL },
	{ "没发烧也没感染，很满意效果", NULL },
	{ "不过敏，皮肤状态稳定", NULL },
	{ "无红肿加重，无流脓", NULL },
	{ "无明显疼痛加剧，睡眠可", NULL },
	{ "没有发烧和出血，复诊时间已约", NULL },
	{ "伤口无渗血、无化脓，恢复顺利", NULL },
	{ "没有麻木的感觉了", NULL },
	{ "未出现皮疹", NULL },
	{ "退烧了，现在精神很好", NULL },
	{ "已经消肿，效果自然", NULL },
	{ "恢复得很好，很满意", NULL },
	{ "鼻子有点胀，不影响生活", NULL },
	/* Not negated: escalate, with the word as found. */
	{ "发烧两天，体温38度", "发烧" },
	{ "没退烧，还在吃药", "没退烧" },
	{ "昨天开始发烧，一直没退烧", "发烧" },
	{ "还没退烧", "没退烧" },
	{ "肿了一周了，一直不消肿", "不消肿" },
	{ "伤口还没愈合，有点渗液", "没愈合" },
	{ "没有发烧，但是伤口有点感染", "感染" },
	{ "无发烧，伤口感染了", "感染" },
	{ "没有发烧，今天又发烧了", "发烧" },
	{ "不知道是不是发烧，感觉很热", "发烧" },
	{ "医生说不排除感染，需要复诊", "感染" },
	{ "伤口不停出血", "出血" },
	{ "有没有发烧她也说不清", "发烧" },
	{ "没注意伤口感染了", "感染" },
	{ "没多久就发烧了", "发烧" },
	{ "没吃药导致发烧", "发烧" },
	{ "没按时换药伤口化脓", "化脓" },
	{ "未拆线前出血较多", "出血" },
	{ "无缘无故发烧", "发烧" },
	{ "不到两天就出血了", "出血" },
	{ "没发烧也出血了", "出血" },
	{ "烧一直没退，很担心", "烧一直没退" },
	{ "不明原因发热", "发热" },
	{ "止不住地出血", "出血" },
	{ "鼻梁处有点发黑，不疼", "发黑" },
	{ "呼吸困难，胸闷，已让她马上来院", "呼吸困难" },
	{ "无感染。今天早上开始晕厥过一次", "晕厥" },
	{ "客户说伤口有点红肿加重，晚上还有点出血", "红肿加重" },
};

static void test_negation_table(void **state)
{
	char got[HF_RISK_MAX];
	int failures = 0;
	for (size_t i = 0; i < COUNT(notes); i++) {
		bool found = rules_risk_word(&cfg, notes[i].note, got, sizeof got);
		if (!notes[i].want && found) {
			print_message("\"%s\": found \"%s\", want none\n", notes[i].note, got);
			failures++;
		} else if (notes[i].want && !found) {
			print_message("\"%s\": found none, want \"%s\"\n", notes[i].note, notes[i].want);
			failures++;
		} else if (notes[i].want && strcmp(got, notes[i].want) != 0) {
			print_message("\"%s\": found \"%s\", want \"%s\"\n", notes[i].note, got,
			              notes[i].want);
			failures++;
		}
	}
	assert_true(COUNT(notes) >= 40);
	assert_int_equal(failures, 0);
}

/* The cue is the configuration's: without cues every risk word counts. */
static void test_negation_is_configured(void **state)
{
	char got[HF_RISK_MAX];
	assert_false(rules_risk_word(&cfg, "无发烧", got, sizeof got));
	cfg.nnegations = 0;
	assert_true(rules_risk_word(&cfg, "无发烧", got, sizeof got));
	assert_string_equal(got, "发烧");
	assert_false(rules_risk_word(&cfg, "没退烧", got, sizeof got)); /* relief is not a risk */

	/* An English list works the same way, letters in either case. */
	cfg = base_cfg;
	cfg.nrisk_words = cfg.nnegations = cfg.npseudo_negations = cfg.nnegation_ends = 0;
	str_set(cfg.risk_words[cfg.nrisk_words++], sizeof cfg.risk_words[0], "fever");
	str_set(cfg.negations[cfg.nnegations++], sizeof cfg.negations[0], "no");
	str_set(cfg.negation_ends[cfg.nnegation_ends++], sizeof cfg.negation_ends[0], "but");
	assert_false(rules_risk_word(&cfg, "No fever today", got, sizeof got));
	assert_true(rules_risk_word(&cfg, "no pain but fever", got, sizeof got));
	assert_string_equal(got, "fever");
}

/* The window: how far a cue reaches over other words to its own. */
static void test_negation_window(void **state)
{
	char got[HF_RISK_MAX];
	cfg.negation_window = 0;
	assert_false(rules_risk_word(&cfg, "没有发烧", got, sizeof got));
	assert_true(rules_risk_word(&cfg, "没有明显发烧", got, sizeof got));
	cfg.negation_window = 2;
	assert_false(rules_risk_word(&cfg, "没有明显发烧", got, sizeof got));
	assert_true(rules_risk_word(&cfg, "没有特别明显发烧", got, sizeof got));
	/* Another risk word and list joins between cue and word do not count. */
	cfg.negation_window = 0;
	assert_false(rules_risk_word(&cfg, "无发烧、感染和出血", got, sizeof got));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_negation_table),
		T(test_negation_is_configured),
		T(test_negation_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
