package io.berth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void quotesWhatMustBeQuoted() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n",
                CsvCells.line(Arrays.asList("a", "b,c", "say \"hi\"", "two\nlines", null)));
    }

    @Test
    void formulasBecomeText() {
        assertEquals("'=1+2", CsvCells.cell("=1+2"));
        assertEquals("'+cmd", CsvCells.cell("+cmd"));
        assertEquals("'-2", CsvCells.cell("-2"));
        assertEquals("'@SUM(A1)", CsvCells.cell("@SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",1)\"", CsvCells.cell("=HYPERLINK(\"x\",1)"));
        assertEquals("library/app:v1", CsvCells.cell("library/app:v1"));
    }
}
