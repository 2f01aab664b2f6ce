package com.chatshare.datacontrols;

import com.chatshare.datacontrols.internal.ExportFile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of an import of chats ({@code chatshare.imports.*}; decision 0028).
 *
 * @param maxUploadSize the largest file accepted, zip or JSON
 * @param maxUncompressedSize the most a zip's {@code conversations.json} may unpack to
 * @param maxCompressionRatio how many times its packed size a zip entry may grow (past 1 MB)
 * @param maxZipEntries the most files a zip may hold
 * @param maxConversations the conversations imported from one file; the ones after are skipped and counted
 */
@ConfigurationProperties("chatshare.imports")
public record ImportSettings(
        @DefaultValue("200MB") DataSize maxUploadSize,
        @DefaultValue("1GB") DataSize maxUncompressedSize,
        @DefaultValue("100") int maxCompressionRatio,
        @DefaultValue("10000") int maxZipEntries,
        @DefaultValue("5000") int maxConversations) {

    ExportFile.ImportFileLimits fileLimits() {
        return new ExportFile.ImportFileLimits(maxUncompressedSize.toBytes(), maxCompressionRatio, maxZipEntries);
    }
}
