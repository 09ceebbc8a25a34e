<#-- snapsync: declarations added to the generated token manager. -->
    /** The n of each $n parameter, in the order the lexer met them (text order). */
    public final List<Integer> pgParamNumbers = new ArrayList<Integer>();
