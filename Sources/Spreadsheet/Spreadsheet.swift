/// Reading and writing the spreadsheets people exchange with the system: CSV in the encodings Excel in China writes, and xlsx.
public enum Spreadsheet {}
