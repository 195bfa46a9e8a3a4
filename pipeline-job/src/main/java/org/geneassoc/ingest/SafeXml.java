package org.geneassoc.ingest;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never load a DTD or an external entity. Real PubMed files open with a DOCTYPE that
 * only names the NLM DTD; that is allowed and ignored. A DOCTYPE that declares entities (XXE, "billion
 * laughs") or a reference to an undeclared entity fails the file. The JDK's own StAX implementation is
 * used, not whichever one Hadoop puts on the classpath, so these properties mean what they say.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = create();
    private static final java.util.regex.Pattern INTERNAL_SUBSET = java.util.regex.Pattern.compile("<!DOCTYPE[^\\[>]*\\[");

    private SafeXml() {
    }

    private static XMLInputFactory create() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /**
     * Fails on a DOCTYPE with an internal subset (where entities are declared), and on entity references
     * the parser could not resolve. A DOCTYPE that only names an external DTD, as PubMed's does, passes.
     */
    static void refuseDtd(XMLStreamReader r) throws XMLStreamException {
        if (r.getEventType() == XMLStreamReader.DTD && INTERNAL_SUBSET.matcher(r.getText()).find()) {
            throw new XMLStreamException("DOCTYPE with declarations refused (XXE or entity expansion)");
        }
        if (r.getEventType() == XMLStreamReader.ENTITY_REFERENCE) {
            throw new XMLStreamException("undeclared entity reference &" + r.getLocalName() + "; refused");
        }
    }

    /**
     * The text inside the current element, including that of nested markup elements ({@code <i>},
     * {@code <sup>}), with the reader left on the element's end tag.
     */
    static String textOf(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            refuseDtd(r);
            switch (e) {
                case XMLStreamReader.START_ELEMENT -> depth++;
                case XMLStreamReader.END_ELEMENT -> depth--;
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> sb.append(r.getText());
                default -> { }
            }
        }
        return sb.toString();
    }
}
