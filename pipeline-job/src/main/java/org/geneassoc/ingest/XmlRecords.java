package org.geneassoc.ingest;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the records of an XML file (every element named {@code recordElement}) and hands each one
 * on as the texts of the paths asked for, so a 100 MB baseline file never sits in memory whole.
 */
final class XmlRecords {
    /** A wanted element's path below the record, its text, and the attributes of it and its parent. */
    record Field(String path, String text, Map<String, String> attributes, Map<String, String> parentAttributes) {
    }

    private XmlRecords() {
    }

    /** @return how many records were delivered; a parse error is thrown after those already delivered. */
    static int read(InputStream in, String recordElement, Set<String> wanted, Consumer<List<Field>> onRecord)
            throws XMLStreamException {
        XMLStreamReader r = SafeXml.open(in);
        int delivered = 0;
        try {
            Deque<String> path = new ArrayDeque<>();
            Deque<Map<String, String>> attrs = new ArrayDeque<>();
            List<Field> fields = null;
            while (r.hasNext()) {
                int e = r.next();
                SafeXml.refuseDtd(r);
                if (e == XMLStreamReader.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (fields == null) {
                        if (name.equals(recordElement)) {
                            fields = new ArrayList<>();
                            path.clear();
                            attrs.clear();
                            attrs.push(attributes(r));
                        }
                        continue;
                    }
                    path.addLast(name);
                    String p = String.join("/", path);
                    Map<String, String> own = attributes(r);
                    if (wanted.contains(p)) {
                        Map<String, String> parent = attrs.peek();
                        fields.add(new Field(p, SafeXml.textOf(r), own, parent));
                        path.removeLast();
                    } else {
                        attrs.push(own);
                    }
                } else if (e == XMLStreamReader.END_ELEMENT && fields != null) {
                    if (path.isEmpty()) {
                        onRecord.accept(fields);
                        delivered++;
                        fields = null;
                    } else {
                        path.removeLast();
                        attrs.pop();
                    }
                }
            }
            return delivered;
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new XMLStreamException("malformed XML" + where + " after " + delivered + " records: "
                    + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""), e);
        } finally {
            r.close();
        }
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        if (r.getAttributeCount() == 0) {
            return Map.of();
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            m.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return m;
    }
}
