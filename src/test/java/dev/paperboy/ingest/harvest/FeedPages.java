package dev.paperboy.ingest.harvest;

import java.util.List;

/** OAI-PMH and Atom pages written for the tests: token chains, errors and small paged results. */
final class FeedPages {
    private FeedPages() {}

    /** An arXiv-format {@code ListRecords} page holding papers {@code ids} (all cs.LG), ending with {@code token}. */
    static String oaiPage(String responseDate, String token, List<String> ids) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                <responseDate>%s</responseDate>
                <request verb="ListRecords">http://replay/oai</request>
                <ListRecords>
                """.formatted(responseDate));
        for (String id : ids) {
            b.append("""
                    <record><header><identifier>oai:arXiv.org:%1$s</identifier><datestamp>2026-11-20</datestamp>
                    <setSpec>cs</setSpec></header><metadata>
                    <arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>%1$s</id><created>2026-11-19</created>
                    <authors><author><keyname>Tester</keyname><forenames>Ada</forenames></author></authors>
                    <title>Harvest test paper %1$s</title><categories>cs.LG</categories>
                    <abstract>An abstract written for the harvest tests of %1$s.</abstract></arXiv>
                    </metadata></record>
                    """.formatted(id));
        }
        if (token != null) b.append("<resumptionToken cursor=\"0\" completeListSize=\"99\">").append(token)
                .append("</resumptionToken>\n");
        else b.append("<resumptionToken completeListSize=\"99\"/>\n");
        b.append("</ListRecords>\n</OAI-PMH>\n");
        return b.toString();
    }

    /** An OAI-PMH error response. */
    static String oaiError(String code, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                <responseDate>2026-11-27T01:00:00Z</responseDate>
                <request verb="ListRecords">http://replay/oai</request>
                <error code="%s">%s</error>
                </OAI-PMH>
                """.formatted(code, message);
    }

    /** An arXiv API page of {@code ids} out of {@code total} results. */
    static String atomPage(long total, int start, List<String> ids) {
        StringBuilder b = new StringBuilder("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/test</id>
                  <title>arXiv Query: test</title>
                  <updated>2026-11-27T00:00:00Z</updated>
                  <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>
                  <opensearch:totalResults>%d</opensearch:totalResults>
                  <opensearch:startIndex>%d</opensearch:startIndex>
                """.formatted(ids.size(), total, start));
        for (String id : ids) {
            b.append("""
                      <entry>
                        <id>http://arxiv.org/abs/%1$sv1</id>
                        <title>API test paper %1$s</title>
                        <updated>2026-11-20T10:00:00Z</updated>
                        <summary>An abstract written for the API tests of %1$s.</summary>
                        <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                        <published>2026-11-20T10:00:00Z</published>
                        <arxiv:primary_category term="cs.CL"/>
                        <author><name>Grace Tester</name></author>
                      </entry>
                    """.formatted(id));
        }
        return b.append("</feed>\n").toString();
    }

    /** The error feed the arXiv API sends for a malformed request. */
    static String atomError(String message) {
        return """
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/errors</id>
                  <title>Error</title>
                  <updated>2026-11-27T00:00:00Z</updated>
                  <opensearch:totalResults>1</opensearch:totalResults>
                  <opensearch:startIndex>0</opensearch:startIndex>
                  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
                  <entry>
                    <id>https://arxiv.org/api/errors#incorrect_id_format_for_1234.1234v</id>
                    <title>Error</title>
                    <summary>%s</summary>
                    <updated>2026-11-27T00:00:00Z</updated>
                    <author><name>arXiv api core</name></author>
                  </entry>
                </feed>
                """.formatted(message);
    }

    /** Ids 2611.00001, 2611.00002, … from {@code from} to {@code to} inclusive. */
    static List<String> ids(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> "2611.%05d".formatted(i)).toList();
    }
}
