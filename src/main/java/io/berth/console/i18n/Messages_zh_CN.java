package io.berth.console.i18n;

/** The console's texts in Simplified Chinese: the {@code *_zh_CN.properties} file of every area. */
public class Messages_zh_CN extends Messages {

    public Messages_zh_CN() {
        super("_zh_CN");
    }
}
