package org.geneassoc.nlp;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import org.apache.spark.ml.PipelineStage;

/**
 * Spark NLP stages that split a text column into sentence annotations. The rule-based detector
 * needs no model download (the DL detector needs native TensorFlow, which EMR and this build lack).
 */
public final class SentenceSplitter {
    private SentenceSplitter() {
    }

    /** DocumentAssembler ({@code textCol} → document) and SentenceDetector (document → {@code annotationsCol}). */
    public static PipelineStage[] stages(String textCol, String annotationsCol) {
        DocumentAssembler assembler = new DocumentAssembler();
        assembler.setInputCol(textCol);
        assembler.setOutputCol(textCol + "_document");
        assembler.setCleanupMode("disabled");
        SentenceDetector detector = new SentenceDetector();
        detector.setInputCols(new String[] {textCol + "_document"});
        detector.setOutputCol(annotationsCol);
        detector.setUseAbbreviations(true);
        detector.setExplodeSentences(false);
        return new PipelineStage[] {assembler, detector};
    }
}
