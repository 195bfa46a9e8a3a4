package org.geneassoc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row schemas are static fields built from each other. A JVM that first touches any one of them (as an executor
 * does, in whatever order its tasks need them) must see every schema complete: a cycle through an outer class
 * once left an executor with a null array element type and failed every task in the cluster rehearsal.
 */
class SchemaInitialisationTest {

    @ParameterizedTest
    @ValueSource(strings = {"GdaDocument$GdaEntry", "GdaDocument$GeneMention", "GdaDocument$DiseaseMention",
            "GdaDocument$Association", "GdaDocument$Evidence", "GdaDocument$Gene", "GdaDocument$Disease", "GdaDocument"})
    void anySchemaInitialisedFirstIsComplete(String first) throws Exception {
        try (FreshDocuments loader = new FreshDocuments()) {
            Class<?> c = Class.forName("org.geneassoc.documents." + first, true, loader);
            List<StructType> schemas = schemasOf(c);
            schemas.addAll(schemasOf(Class.forName("org.geneassoc.documents.GdaDocument", true, loader)));
            assertThat(schemas).isNotEmpty().allSatisfy(s -> assertThat(s.json()).contains("\"fields\"").doesNotContain(":null"));
        }
    }

    private static List<StructType> schemasOf(Class<?> c) throws IllegalAccessException {
        List<StructType> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == StructType.class) {
                f.setAccessible(true);
                out.add((StructType) f.get(null));
            }
        }
        return out;
    }

    /** Loads this package's classes anew (child first), so their static initialisers run in the order a test picks. */
    private static final class FreshDocuments extends URLClassLoader {
        FreshDocuments() {
            super(new URL[] {GdaDocument.class.getProtectionDomain().getCodeSource().getLocation()},
                    SchemaInitialisationTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.geneassoc.documents.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }
}
