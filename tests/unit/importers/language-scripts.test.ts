/**
 * Language detection on real documents that declare no language and mix scripts (trial of eleven scripts): a Russian
 * FAQ whose title page and untranslated paragraphs are English, a short Korean page naming its English authors, a
 * Marathi manual followed by the GFDL in English. Extracted by the real extractors, detected by the real eld.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFile } from '../../../src/main/importers/extract'
import { detectLanguage } from '../../../src/main/importers/language'
import { scriptVotes, soleLanguageOfScript } from '../../../src/main/importers/language-scripts'

const FIXTURES = join(__dirname, '../../fixtures/documents')
const LIMITS = { maxFileBytes: 20_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const textOf = async (file: string): Promise<string> =>
  (await extractFile(join(FIXTURES, file), LIMITS)).text

describe('detectLanguage on documents in two scripts', () => {
  it('a Russian TXT with an English title page and English passages is Russian (was English)', async () => {
    expect(await detectLanguage(await textOf('debian/debian-faq.ru.txt'))).toBe('ru')
  })

  it('a short Korean page naming English authors is Korean (was unknown: eld unsure)', async () => {
    expect(await detectLanguage(await textOf('debian/debian-faq-faqinfo.ko.html'))).toBe('ko')
  })

  it('a Marathi PDF followed by the GFDL in English is Marathi (was English)', async () => {
    expect(await detectLanguage(await textOf('texlive/chhaya.pdf'))).toBe('mr')
  })

  it('a Chinese manual whose examples are LaTeX commands is Chinese (was English: a character counted as one letter)', async () => {
    // 2,500 characters of zhnumber.pdf's manual (texlive-lang-chinese, LPPL 1.3c), as Lectern extracts them.
    expect(await detectLanguage(ZHNUMBER_EXCERPT)).toBe('zh')
  })

  it('English stays English, with or without a licence or a few foreign words', async () => {
    for (const file of ['debian/manifesto.en.html', 'debian/maint-guide-first.en.html']) {
      expect(await detectLanguage(await textOf(file)), file).toBe('en')
    }
  })
})

describe('script votes', () => {
  it('count only the letters of the language’s script, a Hangul syllable as its jamo', () => {
    expect(scriptVotes('apt-get 패키지', 'ko')).toBe(2 + 2 + 2)
    expect(scriptVotes('한글', 'ko')).toBe(3 + 3)
    expect(scriptVotes('apt-get пакет', 'ru')).toBe(5)
    expect(scriptVotes('apt-get пакет', 'en')).toBe(6)
    expect(scriptVotes('छाया', 'mr')).toBe(4)
    // A Chinese character is most of a word, a kana a syllable.
    expect(scriptVotes('汉字 code', 'zh')).toBe(3 + 3)
    expect(scriptVotes('かな漢字', 'ja')).toBe(2 + 2 + 3 + 3)
  })

  it('a script one language alone writes decides only when it holds half the letters', () => {
    expect(soleLanguageOfScript('이 FAQ의 초판은 Dassen이 만들고 유지했습니다')).toBe('ko')
    expect(soleLanguageOfScript('The Korean word 초판 in an English sentence')).toBeNull()
    expect(soleLanguageOfScript('Свободное программное обеспечение')).toBeNull()
  })
})

const ZHNUMBER_EXCERPT =
  "package~'expl3'~too~old. \\\\\\\\\n\n6 Please~update~an~up~to~date~version~of~the~bundles\\\\\\\\\n\n7 'l3kernel'~and~'l3packages'\\\\\\\\\n\n8 using~your~TeX~package~manager~or~from~CTAN.\n\n9 }\n\n10 \\@ifpackagelater { expl3 } { 2019/03/05 } { }\n\n11 { \\msg_error:nn { zhnumber } { l3-too-old } }\n\n12 \\cs_if_exist:NF \\NewDocumentCommand\n\n13 { \\RequirePackage { xparse } }\n\n\\zhnum_output:n \\zhnum_expand_wrap:wn\n\n受益于 \\tex_expanded:D，我们使用如下的结构简单实现 f 展开。 \\exp_not:e\n\n{\n\n...\n\n\\exp_not:o { <tl_var> }\n\n...\n\n\\exp_not:o { <tl_var> }\n\n...\n\n\\exp_not:o { <tl_var> }\n\n...\n\n}\n\n并且可以将 \\zhnumber 等无风险地使用于诸如 \\edef 定义等完全展开的场合。从 TeX Live 2019 开始，各个主要引擎都已经支持 \\tex_expanded:D，对于较早的版本，LaTeX3 也实现了一个模拟。\n\n14 \\cs_new:Npn \\zhnum_output:n #1\n\n15 { \\exp_args:Nc \\zhnum_exp_not:o { l__zhnum_ #1 _tl } }\n\n16 \\cs_new_protected:Npn \\zhnum_expand_wrap:wn #1#\n\n17 { \\__zhnum_expand_wrap_aux:nn {#1} }\n\n18 \\cs_new_protected:Npn \\__zhnum_expand_wrap_aux:nn #1#2\n\n19 { #1 { \\exp_not:e {#2} } }\n\n20 \\cs_new_eq:NN \\zhnum_exp_not:e \\exp_not:e\n\n21 \\cs_new_eq:NN \\zhnum_exp_not:o \\exp_not:o\n\n但这种方式也有一定的缺点，比如在 pdfTeX 引擎下，hyperref 包的 \\pdfstringdef 就需要把汉字首字节的活动字符展开，并作适当的重定义后才能得到预期的结果。为此，我们定义一个清除命令，不使用以上机制。\n\n22 \\cs_new_protected:Npn \\zhnumClearWrapper\n\n23 {\n\n24 \\cs_set_eq:NN \\zhnum_exp_not:e \\use:n\n\n25 \\cs_set_eq:NN \\zhnum_exp_not:o \\use:n\n\n26 }\n\n27 \\cs_new_protected:Npn \\zhnumResetWrapper\n\n28 {\n\n29 \\cs_set_eq:NN \\zhnum_exp_not:e \\exp_not:e\n\n30 \\cs_set_eq:NN \\zhnum_exp_not:o \\exp_not:o\n\n31 }\n\n32 \\hook_gput_code:nnn { package/CJKutf8/after } { zhnumber }\n\n33 { \\g@addto@macro \\pdfstringdefPreHook { \\zhnumClearWrapper } }\n\n34 \\hook_gput_code:nnn { package/xCJK2uni/after } { zhnumber }\n\n35 { \\g@addto@macro \\pdfstringdefPreHook { \\zhnumClearWrapper } }\n\n\\zhnumber 用于将输入的数字按照中文格式输出。\n\n36 \\NewExpandableDocumentCommand \\zhnumber { +o +m }\n\n37 {\n\n38 \\tl_if_novalue:nTF {#1}\n\n39 { \\zhnum_number:e }\n\n40 { \\zhnumberwithoptions {#1} }\n\n41 {#2}\n\n42 }\n\n\\zhnumberwithoptions 带选项的用户函数。\n\n43 \\NewDocumentCommand \\zhnumberwithoptions { +m +m }\n\n44 {\n\n45 \\group_begin:\n\n46 \\zhnum_set:n {#1}\n\n47 \\zhnum_number:e {#2}\n\n48 \\group_end:\n\n49 }\n\n\\zhnum_number:n \\__zhnum_number:www\n\n先判断输入的是小数还是分数。\n\n50 \\zhnum_expand_wrap:wn\n\n51 \\cs_new:Npn \\zhnum_number:n #1\n\n52 { \\__zhnum_number:www #1 . \\q_nil . \\q_stop }\n\n53 \\cs_new:Npn \\__zhnum_number:www #1 . #2 . #3 \\q_stop\n\n54 {\n\n55 \\quark_if_nil:nTF {#2}\n\n56 { \\__zhnum_integer_or_fraction:www #1 / \\q_nil / \\q_stop }\n\n57 { \\zhnum_decimal:nn {#1} {#2} }\n\n58 }\n\n59 \\cs_generate_variant:Nn \\zhnum_number:n { e }\n\n\\__zhnum_integer_or_fracti"
