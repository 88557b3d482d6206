package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Wording from documents written after the grammar: terse operation lists ("trim+upper", "upper(trim())"), a stated
 * source layout before the conversion, concatenations whose items carry their own operations or share one ("(trim
 * both)", "Join first and last name with a space"). Run in DuckDB.
 */
class RuleTerseAndGroupedWordingTest {
    private static final RuleTable CODES = new RuleTable("claims", "id", new String[]{"id", "policy_no", "status"},
            new String[]{"1", " p-1001 ", " o"}, new String[]{"2", "P-1002", "C "}, new String[]{"3", null, "x"});

    @Test
    void shouldChainOperationsNamedWithASignBetweenOrWrittenAsEmptyCalls() throws Exception {
        CODES.expect("VARCHAR(12)", "policy_no", List.of("trim+upper", "trim/upper", "upper(trim())", "trim and upper first"),
                "P-1001", "P-1002", null);
        CODES.expect("VARCHAR(12)", "policy_no", List.of("straight map"), " p-1001 ", "P-1002", null);
    }

    @Test
    void shouldMapTheValueTheOperationsSaidFirstGive() throws Exception {
        CODES.expect("VARCHAR(12)", "status", List.of("trim/upper first. O=Open, C=Closed, R=Reopened; else Unknown"),
                "Open", "Closed", "Unknown");
    }

    @Test
    void shouldReadTheSourcesLayoutStatedBeforeTheConversion() throws Exception {
        RuleTable hires = new RuleTable("employees", "id", new String[]{"id", "hire_dt"},
                new String[]{"1", "15/03/2015"}, new String[]{"2", "not a date"});
        hires.expect("DATE", "hire_dt", List.of("Source is text DD/MM/YYYY - convert to date",
                "hire_dt is stored as text in DD/MM/YYYY format. Convert to date.",
                "Convert to date; source format is DD/MM/YYYY", "Convert to date (source is DD/MM/YYYY text)"),
                "2015-03-15", null);
    }

    @Test
    void shouldApplyAnItemsOwnOperationAndOneSaidOfEveryItem() throws Exception {
        RuleTable people = new RuleTable("employees", "id", new String[]{"id", "last_nm", "first_nm"},
                new String[]{"1", "Lopez ", " Maria"}, new String[]{"2", "okafor", "james"});
        people.expect("VARCHAR(100)", "last_nm, first_nm", List.of(
                "Last name in upper case, comma, space, first name (trim both)"), "LOPEZ, Maria", "OKAFOR, james");
        people.expect("VARCHAR(100)", "last_nm, first_nm", List.of("Last name, comma, space, first name (trim both)"),
                "Lopez, Maria", "okafor, james");
    }

    @Test
    void shouldJoinTheRowsColumnsNamedAsAGroup() throws Exception {
        RuleTable customers = new RuleTable("customers", "id", new String[]{"id", "first_name", "last_name"},
                new String[]{"1", " Ann ", "Lee"}, new String[]{"2", "Bo", " Chan"});
        customers.expect("VARCHAR(100)", "first_name, last_name", List.of("Trim both names and join them with one space",
                "Concatenate first_name and last_name separated by a space, both trimmed"), "Ann Lee", "Bo Chan");
        customers.expect("VARCHAR(100)", "first_name, last_name", List.of("Join both names with a space",
                "Join first and last name with a space"), " Ann  Lee", "Bo  Chan");
    }
}
